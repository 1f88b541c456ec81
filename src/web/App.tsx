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
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="/account/twee-stappen" element={<TwoFactorPage />} />
          <Route path="/organisaties" element={<OrganisationsPage />} />
          <Route path="/organisaties/:id" element={<OrganisationPage />} />
          <Route element={<RequireAdmin />}>
            <Route path="/beheer/organisaties" element={<AdminOrganisationsPage />} />
            <Route path="/beheer/gebruikers" element={<AdminUsersPage />} />
            <Route path="/beheer/postvak" element={<AdminOutboxPage />} />
            <Route path="/beheer/toegangslog" element={<AdminAuditPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
