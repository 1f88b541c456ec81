import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROUTES } from '../../../common/paths.ts';
import { ApiError, query } from '../../api.ts';
import { loginPath, useMe } from '../../auth.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { Alert, Loading, nextKey } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { CodeForm } from '../../components/circle/CodeForm.tsx';
import { ActionButton } from '../../components/form/index.ts';
import { forgetCircleCode, normaliseCode, rememberCircleCode, type CircleInvitationPreview } from '../../components/circle/data.ts';
import { circleApi, circleKeys, circlePaths } from '../../components/circle/api.ts';
import '../../components/circle/circle.css';
import { DataList, Paragraph, TextLink } from '../../components/ui.tsx';

const validCode = (code: string) => code.replace(/[^A-Za-z0-9]/g, '').length === 8;

function professionalOrganisations(me: Me) {
  const seen = new Map<string, string>();
  for (const m of me.memberships) if (m.role === 'professional') seen.set(m.organisationId, m.organisationName);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}

function Accept({ code, preview, me }: { code: string; preview: CircleInvitationPreview; me: Me }) {
  const { t, formatDate, errorText } = useI18n();
  const c = t.circle.accept;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = professionalOrganisations(me);
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [failed, setFailed] = useState<{ key: number; error: unknown } | null>(null);
  const accept = useMutation({ mutationFn: () => circleApi.acceptInvitation(preview.forOrganisation ? { code, organisationId } : { code }) });
  const rows: [string, string][] = [
    [c.circleOf, preview.clientGivenName],
    ...(preview.memberName ? ([[c.youAre, preview.memberName]] as [string, string][]) : []),
    [c.invitedBy, preview.invitedBy ?? t.common.unknown],
    [c.validUntil, formatDate(preview.expiresAt)],
  ];
  const cannot = preview.forOrganisation && organisations.length === 0;
  const acceptAndGo = async () => {
    try {
      const result = await accept.mutateAsync();
      forgetCircleCode();
      await queryClient.invalidateQueries({ queryKey: circleKeys.mine });
      navigate(circlePaths.circle(result.clientId), { replace: true, state: { joined: true } });
    } catch (error) {
      setFailed({ key: nextKey(), error });
    }
  };
  return (
    <>
      <div className="mk-card">
        <p className="utrecht-paragraph utrecht-paragraph--lead">
          {preview.forOrganisation ? c.summaryOrganisation(preview.clientGivenName) : c.summary(preview.invitedBy ?? t.common.unknown, preview.clientGivenName)}
        </p>
        <DataList rows={rows} />
        <Paragraph>{preview.forOrganisation ? c.organisationNote(preview.clientGivenName) : c.memberNote(preview.clientGivenName)}</Paragraph>
      </div>
      {cannot ? (
        <Alert kind="warning" title={c.notProfessional} />
      ) : (
        <section aria-labelledby="kring-aannemen">
          <h2 className="utrecht-heading-2" id="kring-aannemen">
            {c.acceptTitle}
          </h2>
          <Paragraph>{c.loggedInAs(me.displayName, me.email)}</Paragraph>
          {preview.forOrganisation && organisations.length > 1 && (
            <div className="utrecht-form-fieldset mk-field">
              <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{c.whichOrganisation}</legend>
                {organisations.map((o) => (
                  <div className="utrecht-form-field utrecht-form-field--radio mk-choice" key={o.id}>
                    <input
                      type="radio"
                      className="utrecht-radio-button utrecht-radio-button--html-input"
                      id={`kring-org-${o.id}`}
                      name="kring-org"
                      value={o.id}
                      checked={organisationId === o.id}
                      onChange={() => setOrganisationId(o.id)}
                    />
                    <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`kring-org-${o.id}`}>
                      {o.name}
                    </label>
                  </div>
                ))}
              </fieldset>
            </div>
          )}
          {preview.forOrganisation && organisations.length === 1 && <p className="utrecht-paragraph">{c.forOrganisation(organisations[0]?.name ?? '')}</p>}
          {failed && <Alert kind="error" title={errorText(failed.error)} focus={failed.key} />}
          <div className="mk-actions">
            <ActionButton busy={accept.isPending} onClick={acceptAndGo}>
              {preview.forOrganisation ? c.submitOrganisation : c.submit}
            </ActionButton>
            <TextLink to={circlePaths.list()}>{c.notNow}</TextLink>
          </div>
        </section>
      )}
    </>
  );
}

/** The link in an invitation mail (/kring-uitnodiging?code=…), or a code typed in. */
export default function CircleInvitationPage() {
  const { t, errorText } = useI18n();
  const c = t.circle.accept;
  const [params] = useSearchParams();
  const code = normaliseCode(params.get('code') ?? '');
  const me = useMe();
  const loggedIn = Boolean(me.data);
  const usable = validCode(code);
  const preview = useQuery({
    queryKey: circleKeys.invitationPreview(code),
    queryFn: () => circleApi.invitationPreview(code),
    enabled: usable && loggedIn,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  // Not logged in yet: keep the code on this device, through login or making an account.
  useEffect(() => {
    if (usable && me.data === null) rememberCircleCode(code);
  }, [usable, me.data, code]);
  const invalid = preview.error instanceof ApiError && preview.error.code === 'token_invalid';
  useEffect(() => {
    if (invalid) forgetCircleCode();
  }, [invalid]);

  let body;
  if (me.isPending) body = <Loading />;
  else if (!loggedIn) {
    const back = `${ROUTES.circleInvitation}${query({ code: usable ? code : undefined })}`;
    body = (
      <>
        {usable ? (
          <div className="mk-card">
            <p className="utrecht-paragraph utrecht-paragraph--lead">{c.loginFirstLead}</p>
            <Paragraph>
              {c.yourCode} <strong className="mk-code">{code}</strong>
            </Paragraph>
            <Paragraph>{c.loginFirst}</Paragraph>
          </div>
        ) : (
          <Alert kind="info" title={c.noCodeLoggedOut} />
        )}
        <div className="mk-circle-actions">
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={loginPath(back)}>
            {c.login}
          </Link>
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" to={ROUTES.register}>
            {c.register}
          </Link>
        </div>
        {usable && <p className="utrecht-paragraph mk-muted">{c.registerNote}</p>}
      </>
    );
  } else if (!usable) {
    body = (
      <section aria-labelledby="kring-code">
        <h2 className="utrecht-heading-2" id="kring-code">
          {t.circle.code.title}
        </h2>
        <Paragraph>{t.circle.code.intro}</Paragraph>
        <CodeForm idPrefix="uitnodiging" headingId="kring-code" />
      </section>
    );
  } else if (preview.isPending) body = <Loading />;
  else if (preview.isError) {
    body = (
      <>
        <Alert kind="error" title={c.invalid} live>
          <Paragraph>{errorText(preview.error)}</Paragraph>
          <Paragraph>{c.askNew}</Paragraph>
        </Alert>
        <section aria-labelledby="kring-code">
          <h2 className="utrecht-heading-2" id="kring-code">
            {c.tryAgain}
          </h2>
          <CodeForm idPrefix="uitnodiging" headingId="kring-code" />
        </section>
      </>
    );
  } else body = <Accept code={code} preview={preview.data} me={me.data as Me} />;

  return (
    <div className="mk-narrow">
      <PageHeading title={c.title} />
      {body}
    </div>
  );
}
