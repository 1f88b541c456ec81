import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { LoadError, Loading } from './Feedback.tsx';
import { PageHeading } from './PageHeading.tsx';
import { Paragraph } from './ui.tsx';

export const TWO_FACTOR_PATH = '/account/twee-stappen';

/** Pages for logged-in people. Sends others to the login page, and staff without 2FA to set-up. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={here === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(here)}`} replace />;
  }
  if (me.data.mfa.required && !me.data.mfa.enabled && location.pathname !== TWO_FACTOR_PATH) return <Navigate to={TWO_FACTOR_PATH} replace />;
  return <Outlet />;
}

/** Pages for the platform administrator only. */
export function RequireAdmin() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.data?.isPlatformAdmin) {
    return (
      <>
        <PageHeading title={t.forbidden.title} />
        <Paragraph>{t.forbidden.text}</Paragraph>
      </>
    );
  }
  return <Outlet />;
}
