import { Suspense, useEffect, useId, useState } from 'react';
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

const navClass = ({ isActive }: { isActive: boolean }) => `utrecht-nav-list__link mk-nav__link${isActive ? ' mk-nav__link--current' : ''}`;

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
  return (
    <>
      <nav className="mk-nav" aria-label={t.shell.mainNav}>
        <ul className="utrecht-nav-list mk-nav__list">
          <li className="utrecht-nav-list__item">
            <NavLink to={ROUTES.home} end className={navClass} onClick={onNavigate}>
              {t.shell.home}
            </NavLink>
          </li>
          <li className="utrecht-nav-list__item">
            <NavLink to={ROUTES.circles} className={navClass} onClick={onNavigate}>
              {t.circle.nav}
            </NavLink>
          </li>
          {staff && organisations.length > 0 && (
            <li className="utrecht-nav-list__item">
              <NavLink to={organisations.length === 1 && firstOrganisation ? organisationPaths.organisation(firstOrganisation.organisationId) : ROUTES.organisations} end className={navClass} onClick={onNavigate}>
                {organisations.length === 1 ? t.shell.myOrganisation : t.shell.myOrganisations}
              </NavLink>
            </li>
          )}
          {firstProfessional && (
            <li className="utrecht-nav-list__item">
              <NavLink to={professional.length === 1 ? caseloadPaths.list(firstProfessional.organisationId) : ROUTES.organisations} className={navClass} onClick={onNavigate}>
                {t.caseload.nav}
              </NavLink>
            </li>
          )}
          {firstSignals && (
            <li className="utrecht-nav-list__item">
              <NavLink to={burdenPaths.signals(firstSignals.organisationId)} className={navClass} onClick={onNavigate}>
                {t.burden.nav.signals}
              </NavLink>
            </li>
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
          <li className="utrecht-nav-list__item">
            <NavLink to={ROUTES.account} className={navClass} onClick={onNavigate}>
              {t.shell.account}
            </NavLink>
          </li>
        </ul>
      </nav>
      {me.isPlatformAdmin && (
        <nav className="mk-nav mk-nav--admin" aria-label={t.shell.admin}>
          <p className="mk-nav__group" aria-hidden="true">
            {t.shell.admin}:
          </p>
          <ul className="utrecht-nav-list mk-nav__list">
            <li className="utrecht-nav-list__item">
              <NavLink to={ROUTES.adminOrganisations} className={navClass} onClick={onNavigate}>
                {t.shell.adminOrganisations}
              </NavLink>
            </li>
            <li className="utrecht-nav-list__item">
              <NavLink to={ROUTES.adminUsers} className={navClass} onClick={onNavigate}>
                {t.shell.adminUsers}
              </NavLink>
            </li>
            <li className="utrecht-nav-list__item">
              <NavLink to={ROUTES.adminOutbox} className={navClass} onClick={onNavigate}>
                {t.shell.adminOutbox}
              </NavLink>
            </li>
            <li className="utrecht-nav-list__item">
              <NavLink to={ROUTES.adminAudit} className={navClass} onClick={onNavigate}>
                {t.shell.adminAudit}
              </NavLink>
            </li>
            <li className="utrecht-nav-list__item">
              <NavLink to={ROUTES.adminInstruments} className={navClass} onClick={onNavigate}>
                {t.shell.adminInstruments}
              </NavLink>
            </li>
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
      <span className="mk-lang-label">{t.shell.otherLanguage}</span>
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
                <button
                  type="button"
                  className={`utrecht-button utrecht-button--secondary-action mk-header__button${mustSetUpMfa ? '' : ' mk-hide-phone'}`}
                  onClick={() => !logout.isPending && logout.mutate()}
                  aria-disabled={logout.isPending ? true : undefined}
                >
                  {t.shell.logout}
                </button>
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
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => !logout.isPending && logout.mutate()}
                  aria-disabled={logout.isPending ? true : undefined}
                >
                  {t.shell.logout}
                </button>
              </div>
            </div>
          )}
        </div>
      </header>
      <div className="utrecht-page-body mk-body">
        <div className="utrecht-page-body__content mk-body__content">
          <main id="inhoud" tabIndex={-1} className="utrecht-page-content mk-main">
            {meQuery.isPending ? (
              <Loading />
            ) : (
              <Suspense fallback={<Loading />}>
                <Outlet />
              </Suspense>
            )}
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
    </div>
  );
}
