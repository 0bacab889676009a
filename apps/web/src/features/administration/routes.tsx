import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator, isCoordinator, type Me } from '../../lib/auth';
import { AcceptInvitationPage } from './components/accept-invitation-page';
import { AdministrationHomePage } from './components/administration-home-page';
import { AuditLogPage } from './components/audit-log-page';
import { ClubPeoplePage } from './components/club-people-page';
import { ClubsAdminPage } from './components/clubs-admin-page';
import { PeoplePage } from './components/people-page';

const admin = (element: ReactElement) => <RequireAuth allow={isAdministrator}>{element}</RequireAuth>;
const staff = (me: Me | null | undefined) => isAdministrator(me) || isCoordinator(me);

/** Running the platform from the browser (issue 12). */
export const administrationRoutes: RouteObject[] = [
  { path: 'admin', element: admin(<AdministrationHomePage />) },
  { path: 'admin/clubs', element: admin(<ClubsAdminPage />) },
  { path: 'admin/users', element: admin(<PeoplePage />) },
  { path: 'admin/audit-log', element: admin(<AuditLogPage />) },
  {
    path: 'clubs/:clubId/people',
    element: (
      <RequireAuth allow={staff}>
        <ClubPeoplePage />
      </RequireAuth>
    ),
  },
  { path: 'accept-invitation', element: <AcceptInvitationPage /> },
];
