import { lazy } from 'react';
import { Route, Routes } from 'react-router';
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
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export function App() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route path="/inloggen" element={<LoginPage />} />
        <Route path="/registreren" element={<RegisterPage />} />
        <Route path="/e-mail-bevestigen" element={<VerifyEmailPage />} />
        <Route path="/wachtwoord-vergeten" element={<ForgotPasswordPage />} />
        <Route path="/wachtwoord-herstellen" element={<ResetPasswordPage />} />
        <Route path="/uitnodiging" element={<InvitationPage />} />
        <Route path="/kring-uitnodiging" element={<CircleInvitationPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/account/twee-stappen" element={<TwoFactorPage />} />
          <Route path="/kringen" element={<CirclesPage />} />
          <Route path="/kringen/nieuw" element={<StartCirclePage />} />
          <Route path="/kringen/:clientId/:section?" element={<CirclePage />} />
          <Route path="/organisaties" element={<OrganisationsPage />} />
          <Route path="/organisaties/:id" element={<OrganisationPage />} />
          <Route path="/organisaties/:id/clienten" element={<CaseloadPage />} />
          <Route path="/organisaties/:id/clienten/nieuw" element={<RegisterClientPage />} />
          <Route path="/organisaties/:id/clienten/koppelen" element={<LinkCodePage />} />
          <Route path="/organisaties/:id/clienten/:clientId/contact" element={<ContactPage />} />
          <Route path="/kringen/:clientId/mantelscan" element={<ScanListPage />} />
          <Route path="/kringen/:clientId/mantelscan/vergelijken" element={<ScanComparePage />} />
          <Route path="/kringen/:clientId/mantelscan/:scanId" element={<ScanPage />} />
          <Route path="/kringen/:clientId/belasting" element={<BurdenOverviewPage />} />
          <Route path="/kringen/:clientId/belasting/starten" element={<ChooseCheckPage />} />
          <Route path="/kringen/:clientId/belasting/gesprek" element={<ConversationCheckPage />} />
          <Route path="/kringen/:clientId/belasting/:memberId/checks/:checkId" element={<CheckPage />} />
          <Route path="/kringen/:clientId/belasting/:memberId/verloop" element={<TrendPage />} />
          <Route path="/organisaties/:id/signalen" element={<SignalsPage />} />
          <Route path="/organisaties/:id/signalen/:signalId" element={<SignalPage />} />
          <Route element={<RequireAdmin />}>
            <Route path="/beheer/organisaties" element={<AdminOrganisationsPage />} />
            <Route path="/beheer/gebruikers" element={<AdminUsersPage />} />
            <Route path="/beheer/postvak" element={<AdminOutboxPage />} />
            <Route path="/beheer/toegangslog" element={<AdminAuditPage />} />
            <Route path="/beheer/vragenlijsten" element={<AdminInstrumentsPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
