import { Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { onApiError } from '../api.ts';
import { ME_KEY, adminOrganisations, authApi, isStaff, organisationsOf, useMe } from '../auth.ts';
import { storedLocale, useI18n } from '../i18n/index.tsx';
import type { Me } from '../types.ts';
import { Loading } from './Feedback.tsx';
import { professionalOrganisations } from '../pages/caseload/professional.ts';
import { signalOrganisations, burdenPaths } from './burden/api.ts';
import { Paragraph } from './ui.tsx';
import { ROUTES } from '../../common/paths.ts';
import { organisationPaths } from './organisations/api.ts';
import { caseloadPaths } from '../pages/caseload/api.ts';
import { useQuery } from '@tanstack/react-query';
import { notificationApi, notificationKeys } from './notifications/api.ts';

const navClass = ({ isActive }: { isActive: boolean }) => `utrecht-nav-list__link mk-nav__link${isActive ? ' mk-nav__link--current' : ''}`;

/** One link of a navigation list; marked as the current page when it is. */
function NavItem({ to, end, onNavigate, children }: { to: string; end?: boolean; onNavigate: () => void; children: ReactNode }) {
  return (
    <li className="utrecht-nav-list__item">
      <NavLink to={to} end={end} className={navClass} onClick={onNavigate}>
        {children}
      </NavLink>
    </li>
  );
}

/** The menu link to the notifications, with the number of unread ones (checked every minute). */
function NotificationsNavItem({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const count = useQuery({ queryKey: notificationKeys.count, queryFn: notificationApi.count, refetchInterval: 60_000 });
  const unread = count.data ?? 0;
  return (
    <NavItem to={ROUTES.notifications} onNavigate={onNavigate}>
      {t.notifications.nav}
      {unread > 0 && (
        <>
          {' '}
          <span className="mk-count" aria-hidden="true">
            {unread}
          </span>
          <span className="mk-visually-hidden">{t.notifications.navUnread(unread)}</span>
        </>
      )}
    </NavItem>
  );
}

function MainNav({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useI18n();
  const organisations = organisationsOf(me);
  const staff = isStaff(me);
  const managed = adminOrganisations(me);
  const firstOrganisation = organisations[0];
  const firstManaged = managed[0];
  const firstSignals = signalOrganisations(me)[0];
  const professional = professionalOrganisations(me);
  const firstProfessional = professional[0];
  const adminLinks = [
    [ROUTES.adminOrganisations, t.shell.adminOrganisations],
    [ROUTES.adminUsers, t.shell.adminUsers],
    [ROUTES.adminOutbox, t.shell.adminOutbox],
    [ROUTES.adminAudit, t.shell.adminAudit],
    [ROUTES.adminInstruments, t.shell.adminInstruments],
  ] as const;
  return (
    <>
      <nav className="mk-nav" aria-label={t.shell.mainNav}>
        <ul className="utrecht-nav-list mk-nav__list">
          <NavItem to={ROUTES.home} end onNavigate={onNavigate}>
            {t.shell.home}
          </NavItem>
          <NavItem to={ROUTES.circles} onNavigate={onNavigate}>
            {t.circle.nav}
          </NavItem>
          {staff && organisations.length > 0 && (
            <NavItem to={organisations.length === 1 && firstOrganisation ? organisationPaths.organisation(firstOrganisation.organisationId) : ROUTES.organisations} end onNavigate={onNavigate}>
              {organisations.length === 1 ? t.shell.myOrganisation : t.shell.myOrganisations}
            </NavItem>
          )}
          {firstProfessional && (
            <NavItem to={professional.length === 1 ? caseloadPaths.list(firstProfessional.organisationId) : ROUTES.organisations} onNavigate={onNavigate}>
              {t.caseload.nav}
            </NavItem>
          )}
          {firstSignals && (
            <NavItem to={burdenPaths.signals(firstSignals.organisationId)} onNavigate={onNavigate}>
              {t.burden.nav.signals}
            </NavItem>
          )}
          {staff && firstManaged && (
            <li className="utrecht-nav-list__item">
              <Link
                to={managed.length === 1 ? `${organisationPaths.organisation(firstManaged.organisationId)}#medewerkers` : ROUTES.organisations}
                className="utrecht-nav-list__link mk-nav__link"
                onClick={onNavigate}
              >
                {t.shell.staff}
              </Link>
            </li>
          )}
          <NotificationsNavItem onNavigate={onNavigate} />
          <NavItem to={ROUTES.account} onNavigate={onNavigate}>
            {t.shell.account}
          </NavItem>
        </ul>
      </nav>
      {me.isPlatformAdmin && (
        <nav className="mk-nav mk-nav--admin" aria-label={t.shell.admin}>
          <p className="mk-nav__group" aria-hidden="true">
            {t.shell.admin}:
          </p>
          <ul className="utrecht-nav-list mk-nav__list">
            {adminLinks.map(([to, label]) => (
              <NavItem key={to} to={to} onNavigate={onNavigate}>
                {label}
              </NavItem>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}

function LanguageSwitch({ me }: { me: Me | null }) {
  const { t, locale, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--subtle mk-header__button"
      lang={other}
      onClick={() => {
        setLocale(other);
        if (me) {
          authApi
            .setLocale(other)
            .then((fresh) => queryClient.setQueryData(ME_KEY, fresh))
            .catch(() => undefined);
        }
      }}
    >
      <span aria-hidden="true" className="mk-lang-icon">
        {other.toUpperCase()}
      </span>
      <span className="mk-visually-hidden-phone">{t.shell.otherLanguage}</span>
    </button>
  );
}

/** Keeps the interface language and the account's language in step after logging in. */
function useLocaleSync(me: Me | null | undefined) {
  const { setLocale } = useI18n();
  const queryClient = useQueryClient();
  const userId = me?.id;
  const accountLocale = me?.locale;
  useEffect(() => {
    if (!userId || !accountLocale) return;
    const chosen = storedLocale();
    if (!chosen) setLocale(accountLocale);
    else if (chosen !== accountLocale) {
      // The newest choice (made on this device) wins and is saved with the account.
      authApi
        .setLocale(chosen)
        .then((fresh) => queryClient.setQueryData(ME_KEY, fresh))
        .catch(() => undefined);
    }
    // Only when another person logs in, not on every refresh of "me".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);
}

/** Sends the person to the login page when the session ended, and to 2FA set-up when needed. */
function useApiErrorRedirects() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = `${location.pathname}${location.search}`;
  useEffect(
    () =>
      onApiError((error) => {
        if (error.path === '/api/me' || error.path.startsWith('/api/auth/') || error.path.startsWith('/api/invitations/')) return;
        if (error.code === 'not_authenticated') {
          // The login page forgets the old session (see the logout button for why not here).
          navigate(`${ROUTES.login}?terug=${encodeURIComponent(here)}`, { replace: true, state: { reason: 'expired' } });
        } else if (error.code === 'mfa_setup_required') {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
          navigate(ROUTES.twoFactor, { replace: true });
        }
      }),
    [navigate, queryClient, here],
  );
}

/** The frame of every page: skip link, header with navigation, main content, footer. */
export function Shell() {
  const { t } = useI18n();
  const meQuery = useMe();
  const me = meQuery.data ?? null;
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  useLocaleSync(me);
  useApiErrorRedirects();

  // A new page closes the phone menu.
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }

  const logout = useMutation({
    mutationFn: authApi.logout,
    // The login page forgets the session when it opens: forgetting here, while still on a
    // protected page, would let that page's guard redirect first (without the message).
    onSettled: () => navigate(ROUTES.login, { state: { reason: 'loggedOut' } }),
  });
  /** Logging out: in the header, and on a phone in the menu panel. */
  const logoutButton = (extraClass?: string) => (
    <button
      type="button"
      className={`utrecht-button utrecht-button--secondary-action${extraClass ? ` ${extraClass}` : ''}`}
      onClick={() => !logout.isPending && logout.mutate()}
      aria-disabled={logout.isPending ? true : undefined}
    >
      {t.shell.logout}
    </button>
  );

  const mustSetUpMfa = me !== null && me.mfa.required && !me.mfa.enabled;

  return (
    <div className="utrecht-page-layout mk-layout">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus mk-skip-link" href="#inhoud">
        {t.shell.skipLink}
      </a>
      <header className="utrecht-page-header mk-header">
        <div className="utrecht-page-header__content mk-header__content">
          <div className="mk-header__bar">
            <Link to={ROUTES.home} className="mk-logo">
              <span className="mk-logo__mark" aria-hidden="true" />
              <span className="mk-logo__text">{t.meta.productName}</span>
            </Link>
            <div className="mk-header__tools">
              {me && (
                <p className="mk-header__user">
                  <span className="mk-visually-hidden">{t.shell.loggedInAs} </span>
                  <span className="mk-header__user-name">{me.displayName}</span>
                </p>
              )}
              <LanguageSwitch me={me} />
              {me ? (
                logoutButton(`mk-header__button${mustSetUpMfa ? '' : ' mk-hide-phone'}`)
              ) : (
                location.pathname !== ROUTES.login && (
                  <Link to={ROUTES.login} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action mk-header__button">
                    {t.shell.login}
                  </Link>
                )
              )}
              {me && !mustSetUpMfa && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action mk-menu-toggle"
                  aria-expanded={menuOpen}
                  aria-controls={menuId}
                  onClick={() => setMenuOpen((open) => !open)}
                >
                  <span aria-hidden="true" className="mk-menu-toggle__icon" />
                  {t.shell.menu}
                </button>
              )}
            </div>
          </div>
          {me && !mustSetUpMfa && (
            <div id={menuId} className={`mk-nav-panel${menuOpen ? ' mk-nav-panel--open' : ''}`}>
              <MainNav me={me} onNavigate={() => setMenuOpen(false)} />
              <div className="mk-show-phone mk-nav-panel__logout">
                {logoutButton()}
              </div>
            </div>
          )}
        </div>
      </header>
      {meQuery.isPending ? (
        // Until we know who is logged in, only this line: the menu then joins the header, and
        // the page under it appears whole instead of moving down (a layout shift, CLS).
        <div key="session" className="utrecht-page-body__content mk-body__content">
          <Loading />
        </div>
      ) : (
        <>
          <div key="page" className="utrecht-page-body mk-body">
            <div className="utrecht-page-body__content mk-body__content">
              <main id="inhoud" tabIndex={-1} className="utrecht-page-content mk-main">
                <Suspense fallback={<Loading />}>
                  <Outlet />
                </Suspense>
              </main>
            </div>
          </div>
          <footer className="utrecht-page-footer mk-footer">
            <div className="utrecht-page-footer__content mk-footer__content">
              <Paragraph>
                <strong>{t.meta.productName}</strong> – {t.meta.tagline}
              </Paragraph>
              <Paragraph>{t.shell.footerAccessibility}</Paragraph>
              <Paragraph>{t.shell.footerCbs}</Paragraph>
              <Paragraph>{t.shell.footerLicence}</Paragraph>
            </div>
          </footer>
        </>
      )}
    </div>
  );
}
