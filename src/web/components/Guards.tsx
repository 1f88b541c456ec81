import { Navigate, Outlet, useLocation } from 'react-router';
import { ROUTES } from '../../common/paths.ts';
import { useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { LoadError, Loading } from './Feedback.tsx';
import { PageHeading } from './PageHeading.tsx';
import { Paragraph } from './ui.tsx';

/** Pages for logged-in people. Sends others to the login page, and staff without 2FA to set-up. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={here === ROUTES.home ? ROUTES.login : `${ROUTES.login}?terug=${encodeURIComponent(here)}`} replace />;
  }
  if (me.data.mfa.required && !me.data.mfa.enabled && location.pathname !== ROUTES.twoFactor) return <Navigate to={ROUTES.twoFactor} replace />;
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
