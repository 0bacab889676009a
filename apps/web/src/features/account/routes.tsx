import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator } from '../../lib/auth';
import { AccountPage } from './components/account-page';
import { ConfirmLinkPage, ForgotPasswordPage, ResetPasswordPage } from './components/link-pages';
import { SecurityEventsPage } from './components/security-events-page';

/** One's own account, the pages emailed links open, and the administrator's security log. */
export const accountRoutes: RouteObject[] = [
  {
    path: 'account',
    element: (
      <RequireAuth>
        <AccountPage />
      </RequireAuth>
    ),
  },
  { path: 'confirm-email', element: <ConfirmLinkPage kind="confirm-email" /> },
  { path: 'confirm-email-change', element: <ConfirmLinkPage kind="confirm-email-change" /> },
  { path: 'forgot-password', element: <ForgotPasswordPage /> },
  { path: 'reset-password', element: <ResetPasswordPage /> },
  {
    path: 'admin/security-events',
    element: (
      <RequireAuth allow={isAdministrator}>
        <SecurityEventsPage />
      </RequireAuth>
    ),
  },
];
