import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { ROUTES } from '../common/paths.ts';
import { Shell } from './components/Shell.tsx';
import { RequireAdmin, RequireAuth } from './components/Guards.tsx';

// Every page is its own chunk: the first download stays small.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const RegisterPage = lazy(() => import('./pages/RegisterPage.tsx'));
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage.tsx'));
const InvitationPage = lazy(() => import('./pages/InvitationPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const TwoFactorPage = lazy(() => import('./pages/TwoFactorPage.tsx'));
const OrganisationsPage = lazy(() => import('./pages/OrganisationsPage.tsx'));
const OrganisationPage = lazy(() => import('./pages/OrganisationPage.tsx'));
const AdminOrganisationsPage = lazy(() => import('./pages/admin/AdminOrganisationsPage.tsx'));
const AdminUsersPage = lazy(() => import('./pages/admin/AdminUsersPage.tsx'));
const AdminOutboxPage = lazy(() => import('./pages/admin/AdminOutboxPage.tsx'));
const AdminAuditPage = lazy(() => import('./pages/admin/AdminAuditPage.tsx'));
const AdminInstrumentsPage = lazy(() => import('./pages/admin/AdminInstrumentsPage.tsx'));
const CaseloadPage = lazy(() => import('./pages/caseload/CaseloadPage.tsx'));
const RegisterClientPage = lazy(() => import('./pages/caseload/RegisterClientPage.tsx'));
const LinkCodePage = lazy(() => import('./pages/caseload/LinkCodePage.tsx'));
const ContactPage = lazy(() => import('./pages/caseload/ContactPage.tsx'));
const ScanListPage = lazy(() => import('./pages/scan/ScanListPage.tsx'));
const ScanPage = lazy(() => import('./pages/scan/ScanPage.tsx'));
const ScanComparePage = lazy(() => import('./pages/scan/ScanComparePage.tsx'));
const CirclesPage = lazy(() => import('./pages/circle/CirclesPage.tsx'));
const StartCirclePage = lazy(() => import('./pages/circle/StartCirclePage.tsx'));
const CirclePage = lazy(() => import('./pages/circle/CirclePage.tsx'));
const CircleInvitationPage = lazy(() => import('./pages/circle/CircleInvitationPage.tsx'));
const BurdenOverviewPage = lazy(() => import('./pages/burden/BurdenOverviewPage.tsx'));
const ChooseCheckPage = lazy(() => import('./pages/burden/ChooseCheckPage.tsx'));
const ConversationCheckPage = lazy(() => import('./pages/burden/ConversationCheckPage.tsx'));
const CheckPage = lazy(() => import('./pages/burden/CheckPage.tsx'));
const TrendPage = lazy(() => import('./pages/burden/TrendPage.tsx'));
const SignalsPage = lazy(() => import('./pages/burden/SignalsPage.tsx'));
const SignalPage = lazy(() => import('./pages/burden/SignalPage.tsx'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage.tsx'));
const LogbookEntryPage = lazy(() => import('./pages/logbook/LogbookEntryPage.tsx'));
const ThreadPage = lazy(() => import('./pages/threads/ThreadPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export function App() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path={ROUTES.login} element={<LoginPage />} />
        <Route path={ROUTES.register} element={<RegisterPage />} />
        <Route path={ROUTES.verifyEmail} element={<VerifyEmailPage />} />
        <Route path={ROUTES.forgotPassword} element={<ForgotPasswordPage />} />
        <Route path={ROUTES.resetPassword} element={<ResetPasswordPage />} />
        <Route path={ROUTES.invitation} element={<InvitationPage />} />
        <Route path={ROUTES.circleInvitation} element={<CircleInvitationPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path={ROUTES.account} element={<AccountPage />} />
          <Route path={ROUTES.twoFactor} element={<TwoFactorPage />} />
          <Route path={ROUTES.circles} element={<CirclesPage />} />
          <Route path={ROUTES.startCircle} element={<StartCirclePage />} />
          <Route path={ROUTES.circle} element={<CirclePage />} />
          <Route path={ROUTES.organisations} element={<OrganisationsPage />} />
          <Route path={ROUTES.organisation} element={<OrganisationPage />} />
          <Route path={ROUTES.caseload} element={<CaseloadPage />} />
          <Route path={ROUTES.registerClient} element={<RegisterClientPage />} />
          <Route path={ROUTES.linkCode} element={<LinkCodePage />} />
          <Route path={ROUTES.contact} element={<ContactPage />} />
          <Route path={ROUTES.scans} element={<ScanListPage />} />
          <Route path={ROUTES.scanCompare} element={<ScanComparePage />} />
          <Route path={ROUTES.scan} element={<ScanPage />} />
          <Route path={ROUTES.circleBurden} element={<BurdenOverviewPage />} />
          <Route path={ROUTES.chooseCheck} element={<ChooseCheckPage />} />
          <Route path={ROUTES.conversationCheck} element={<ConversationCheckPage />} />
          <Route path={ROUTES.check} element={<CheckPage />} />
          <Route path={ROUTES.trend} element={<TrendPage />} />
          <Route path={ROUTES.signals} element={<SignalsPage />} />
          <Route path={ROUTES.signal} element={<SignalPage />} />
          <Route path={ROUTES.notifications} element={<NotificationsPage />} />
          <Route path={ROUTES.logbookEntry} element={<LogbookEntryPage />} />
          <Route path={ROUTES.thread} element={<ThreadPage />} />
          <Route element={<RequireAdmin />}>
            <Route path={ROUTES.adminOrganisations} element={<AdminOrganisationsPage />} />
            <Route path={ROUTES.adminUsers} element={<AdminUsersPage />} />
            <Route path={ROUTES.adminOutbox} element={<AdminOutboxPage />} />
            <Route path={ROUTES.adminAudit} element={<AdminAuditPage />} />
            <Route path={ROUTES.adminInstruments} element={<AdminInstrumentsPage />} />
          </Route>
        </Route>
        <Route path={ROUTES.notFound} element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
