import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator } from '../../lib/auth';
import { EmailOutboxPage } from './components/email-outbox-page';
import { NotificationsPage } from './components/notifications-page';

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
