import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { adminOrganisations, isStaff, organisationsOf, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Me } from '../types.ts';
import { Alert, Loading, StatusBadge } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useMunicipalities } from '../components/MunicipalityPicker.tsx';
import { CirclesHomeCard } from '../components/circle/CirclesHomeCard.tsx';
import { useMyCircles } from '../components/circle/api.ts';
import { BurdenHomeCards } from '../components/burden/HomeCards.tsx';
import { burdenApi, burdenKeys } from '../components/burden/api.ts';
import { Paragraph, TaskList, type Task } from '../components/ui.tsx';
import { ROUTES } from '../../common/paths.ts';
import { organisationPaths } from '../components/organisations/api.ts';
import { caseloadPaths } from './caseload/api.ts';

function tasksFor(me: Me, t: ReturnType<typeof useI18n>['t']): Task[] {
  const tasks: Task[] = [];
  const managed = new Set(adminOrganisations(me).map((o) => o.organisationId));
  for (const org of organisationsOf(me)) {
    if (org.roles.includes('professional')) {
      tasks.push({ to: caseloadPaths.list(org.organisationId), title: t.caseload.homeTask(org.organisationName), text: t.caseload.homeTaskText });
    }
    tasks.push({ to: organisationPaths.organisation(org.organisationId), title: t.home.taskOrganisation(org.organisationName), text: t.home.taskOrganisationText });
    if (managed.has(org.organisationId)) {
      tasks.push({ to: `${organisationPaths.organisation(org.organisationId)}#medewerkers`, title: t.home.taskInvite(org.organisationName), text: t.home.taskInviteText });
    }
  }
  if (me.isPlatformAdmin) {
    tasks.push(
      { to: ROUTES.adminOrganisations, title: t.home.taskAdminOrganisations, text: t.home.taskAdminOrganisationsText },
      { to: ROUTES.adminUsers, title: t.home.taskAdminUsers, text: t.home.taskAdminUsersText },
      { to: ROUTES.adminOutbox, title: t.home.taskAdminOutbox, text: t.home.taskAdminOutboxText },
      { to: ROUTES.adminAudit, title: t.home.taskAdminAudit, text: t.home.taskAdminAuditText },
    );
  }
  tasks.push(
    { to: ROUTES.account, title: t.home.taskProfile, text: t.home.taskProfileText },
    { to: `${ROUTES.account}#wachtwoord`, title: t.home.taskPassword, text: t.home.taskPasswordText },
    { to: `${ROUTES.account}#sessies`, title: t.home.taskSessions, text: t.home.taskSessionsText },
  );
  return tasks;
}

function leadFor(me: Me, t: ReturnType<typeof useI18n>['t']): string {
  if (me.isPlatformAdmin) return t.home.leadAdmin;
  const organisations = organisationsOf(me);
  if (isStaff(me)) return t.home.leadStaff(organisations.map((o) => o.organisationName).join(', '));
  if (me.personas.includes('volunteer')) return t.home.leadVolunteer;
  if (me.personas.includes('caregiver')) return t.home.leadCaregiver;
  if (me.personas.includes('client')) return t.home.leadClient;
  return t.home.leadOther;
}

function TwoFactorStatus({ me }: { me: Me }) {
  const { t } = useI18n();
  const { mfa } = me;
  return (
    <section className="mk-section" aria-labelledby="home-2fa">
      <h2 className="utrecht-heading-2" id="home-2fa">
        {t.home.twoFactorTitle}
      </h2>
      <Paragraph>
        {mfa.enabled ? <StatusBadge tone="success">{t.common.on}</StatusBadge> : <StatusBadge tone="neutral">{t.common.off}</StatusBadge>}{' '}
        {mfa.enabled ? t.home.twoFactorOn : mfa.required ? t.home.twoFactorRequired : t.home.twoFactorAdvice}
      </Paragraph>
      {mfa.enabled && <p className="utrecht-paragraph">{t.home.recoveryLeft(mfa.recoveryCodesLeft)}</p>}
      {mfa.enabled && mfa.recoveryCodesLeft <= 3 && (
        <Alert kind="warning" title={mfa.recoveryCodesLeft === 0 ? t.home.recoveryNone : t.home.recoveryLow}>
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to="/account#twee-stappen">
              {t.home.recoveryLowLink}
            </Link>
          </Paragraph>
        </Alert>
      )}
      {!mfa.enabled && (
        <Paragraph>
          <Link className="utrecht-link utrecht-link--html-a" to={ROUTES.twoFactor}>
            {t.home.twoFactorSetUp}
          </Link>
        </Paragraph>
      )}
    </section>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  const me = useMe().data as Me;
  const municipality = useMunicipalities(me.municipalityCode ?? '');
  const municipalityName = municipality.data?.items.find((m) => m.code === me.municipalityCode)?.name;
  // The cards at the top fill in from their own requests (shared with them): the page waits
  // for those, so nothing below the cards jumps down when they arrive (a layout shift, CLS).
  const circles = useMyCircles();
  const burden = useQuery({ queryKey: burdenKeys.me, queryFn: burdenApi.me });

  return (
    <>
      <PageHeading title={t.home.greeting(me.displayName)} lead={leadFor(me, t)} />
      {circles.isPending || burden.isPending ? <Loading /> : <HomeSections me={me} municipalityName={municipalityName} />}
    </>
  );
}

/** Everything of the home page under its heading. */
function HomeSections({ me, municipalityName }: { me: Me; municipalityName: string | undefined }) {
  const { t } = useI18n();
  const organisations = organisationsOf(me);
  const tasks = tasksFor(me, t);
  return (
    <>
      {!isStaff(me) && !me.isPlatformAdmin && organisations.length === 0 && <p className="utrecht-paragraph">{t.home.accountReady}</p>}

      <CirclesHomeCard />
      <BurdenHomeCards me={me} />

      <section className="mk-section" aria-labelledby="home-tasks">
        <h2 className="utrecht-heading-2" id="home-tasks">
          {t.home.tasksTitle}
        </h2>
        <TaskList tasks={tasks} />
      </section>

      <section className="mk-section" aria-labelledby="home-roles">
        <h2 className="utrecht-heading-2" id="home-roles">
          {t.home.rolesTitle}
        </h2>
        {organisations.length === 0 ? (
          <Paragraph>{me.isPlatformAdmin ? t.home.noMembershipsAdmin : t.home.noMemberships}</Paragraph>
        ) : (
          <ul className="utrecht-unordered-list mk-list">
            {organisations.map((org) => (
              <li key={org.organisationId} className="utrecht-unordered-list__item">
                <Link className="utrecht-link utrecht-link--html-a" to={organisationPaths.organisation(org.organisationId)}>
                  {org.organisationName}
                </Link>{' '}
                – {org.roles.map((r) => t.roles[r]).join(', ')}
                <span className="mk-muted"> ({t.kinds[org.organisationKind as keyof typeof t.kinds] ?? org.organisationKind})</span>
              </li>
            ))}
          </ul>
        )}
        {me.personas.length > 0 && <p className="utrecht-paragraph">{t.home.personas(me.personas.map((p) => t.personas[p as keyof typeof t.personas] ?? p).join(', '))}</p>}
        {me.municipalityCode && <p className="utrecht-paragraph">{t.home.municipality(municipalityName ?? me.municipalityCode)}</p>}
      </section>

      <TwoFactorStatus me={me} />
    </>
  );
}
