import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { Alert } from '../Feedback.tsx';
import { forgetCircleCode, pendingCircleCode } from './data.ts';
import { Paragraph } from '../ui.tsx';
import { circlePaths } from './api.ts';

/**
 * An invitation code that was opened before logging in (or before the account existed) is
 * kept on this device; after logging in, this reminds the person to go on with it.
 */
export function PendingInvitation() {
  const { t } = useI18n();
  const c = t.circle.pending;
  const [code, setCode] = useState(() => pendingCircleCode());
  if (!code) return null;
  return (
    <Alert kind="info" title={c.title}>
      <Paragraph>{c.text}</Paragraph>
      <p className="utrecht-paragraph mk-circle-actions">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={circlePaths.invitation(code)}>
          {c.go}
        </Link>
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => {
            forgetCircleCode();
            setCode(null);
          }}
        >
          {c.forget}
        </button>
      </p>
    </Alert>
  );
}
