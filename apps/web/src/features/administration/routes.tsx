import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator, isCoordinator, type Me } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const AcceptInvitationPage = lazyPage(() => import('./components/accept-invitation-page'), 'AcceptInvitationPage');
const AdministrationHomePage = lazyPage(() => import('./components/administration-home-page'), 'AdministrationHomePage');
const AuditLogPage = lazyPage(() => import('./components/audit-log-page'), 'AuditLogPage');
const ClubPeoplePage = lazyPage(() => import('./components/club-people-page'), 'ClubPeoplePage');
const ClubsAdminPage = lazyPage(() => import('./components/clubs-admin-page'), 'ClubsAdminPage');
const PeoplePage = lazyPage(() => import('./components/people-page'), 'PeoplePage');
const RosterImportPage = lazyPage(() => import('./components/roster-import-page'), 'RosterImportPage');

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
  {
    path: 'clubs/:clubId/roster',
    element: (
      <RequireAuth allow={staff}>
        <RosterImportPage />
      </RequireAuth>
    ),
  },
  { path: 'accept-invitation', element: <AcceptInvitationPage /> },
];
