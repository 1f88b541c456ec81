import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROUTES } from '../../common/paths.ts';
import { ME_KEY, accountApi, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Me } from '../types.ts';
import { groupSecret } from '../format.ts';
import { Alert, LoadError, Loading } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RecoveryCodes } from '../components/RecoveryCodes.tsx';
import { TotpCodeForm } from '../components/TotpCodeForm.tsx';
import { LinkParagraph } from '../components/ui.tsx';

/** Step 3: the first code from the app switches two-step login on and gives the recovery codes. */
function EnableForm({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useI18n();
  const enable = useMutation({ mutationFn: accountApi.totpEnable });
  return (
    <TotpCodeForm
      idPrefix="enable"
      description={t.twoFactor.codeHelpSetup}
      aria-labelledby="stap-3"
      submitLabel={t.twoFactor.enableSubmit}
      busy={enable.isPending}
      onCode={async (code) => onEnabled((await enable.mutateAsync(code)).recoveryCodes)}
    />
  );
}


export default function TwoFactorPage() {
  const { t } = useI18n();
  const me = useMe().data as Me;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = useMutation({ mutationFn: accountApi.totpSetup });
  const started = useRef(false);
  const { mutate: startSetup } = setup;
  const alreadyOn = me.mfa.enabled && !codes;

  useEffect(() => {
    // Start at once (also only once under React's double effects in development).
    if (started.current || me.mfa.enabled) return;
    started.current = true;
    startSetup();
  }, [me.mfa.enabled, startSetup]);

  if (codes) {
    return (
      <div className="mk-narrow">
        <PageHeading title={t.twoFactor.doneTitle} />
        <Alert kind="ok" title={t.twoFactor.doneLead} focus={codes} />
        <RecoveryCodes
          codes={codes}
          doneLabel={t.twoFactor.continue}
          onDone={async () => {
            await queryClient.invalidateQueries({ queryKey: ME_KEY });
            navigate(ROUTES.home, { replace: true });
          }}
        />
      </div>
    );
  }

  if (alreadyOn) {
    return (
      <div className="mk-narrow">
        <PageHeading title={t.twoFactor.title} />
        <Alert kind="ok" title={t.twoFactor.alreadyOn} />
        <LinkParagraph to={`${ROUTES.account}#twee-stappen`}>{t.twoFactor.toAccount}</LinkParagraph>
      </div>
    );
  }

  const enrolment = setup.data;
  return (
    <div className="mk-narrow">
      <PageHeading title={t.twoFactor.title} lead={t.twoFactor.lead} />
      {me.mfa.required && <Alert kind="info" title={t.twoFactor.requiredTitle}>{<p className="utrecht-paragraph">{t.twoFactor.requiredText}</p>}</Alert>}

      <ol className="mk-steps">
        <li className="mk-step">
          <h2 className="utrecht-heading-2" id="stap-1">
            {t.twoFactor.step1Title}
          </h2>
          <p className="utrecht-paragraph">{t.twoFactor.step1Text}</p>
        </li>
        <li className="mk-step">
          <h2 className="utrecht-heading-2" id="stap-2">
            {t.twoFactor.step2Title}
          </h2>
          {setup.isPending || setup.isIdle ? (
            <Loading label={t.twoFactor.preparing} />
          ) : setup.isError ? (
            <LoadError error={setup.error} onRetry={() => startSetup()} />
          ) : enrolment ? (
            <>
              <p className="utrecht-paragraph">{t.twoFactor.step2Text}</p>
              <img className="mk-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t.twoFactor.qrAlt} width={200} height={200} />
              <p className="utrecht-paragraph">{t.twoFactor.manual}</p>
              <p className="utrecht-paragraph">
                <code className="mk-code mk-secret" data-testid="totp-secret">
                  {groupSecret(enrolment.secret)}
                </code>
              </p>
              <p className="utrecht-paragraph">
                {t.twoFactor.onPhone}{' '}
                <a className="utrecht-link utrecht-link--html-a" href={enrolment.uri}>
                  {t.twoFactor.openInApp}
                </a>
              </p>
            </>
          ) : null}
        </li>
        <li className="mk-step">
          <h2 className="utrecht-heading-2" id="stap-3">
            {t.twoFactor.step3Title}
          </h2>
          {enrolment ? <EnableForm onEnabled={setCodes} /> : <p className="utrecht-paragraph mk-muted">{t.twoFactor.step3Wait}</p>}
        </li>
      </ol>
    </div>
  );
}
