import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const EmailOutboxPage = lazyPage(() => import('./components/email-outbox-page'), 'EmailOutboxPage');
const NotificationsPage = lazyPage(() => import('./components/notifications-page'), 'NotificationsPage');

/** The reader's notifications, and the administrator's view of the email outbox. */
export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifications',
    element: (
      <RequireAuth>
        <NotificationsPage />
      </RequireAuth>
    ),
  },
  {
    path: 'admin/email-outbox',
    element: (
      <RequireAuth allow={isAdministrator}>
        <EmailOutboxPage />
      </RequireAuth>
    ),
  },
];
