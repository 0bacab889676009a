import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const AccountPage = lazyPage(() => import('./components/account-page'), 'AccountPage');
const ConfirmLinkPage = lazyPage(() => import('./components/link-pages'), 'ConfirmLinkPage');
const ForgotPasswordPage = lazyPage(() => import('./components/link-pages'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./components/link-pages'), 'ResetPasswordPage');
const SecurityEventsPage = lazyPage(() => import('./components/security-events-page'), 'SecurityEventsPage');

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
