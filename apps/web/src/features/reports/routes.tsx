import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator, isCoordinator, isOfficial, type Me } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

// The dashboard and its chart library load only on these routes (the layout's Suspense waits for them).
const DashboardPage = lazyPage(() => import('./components/dashboard-page'), 'default');
const OpenDataPage = lazyPage(() => import('./components/open-data-page'), 'default');

export const mayReadReports = (me: Me | null | undefined) => isOfficial(me) || isAdministrator(me) || isCoordinator(me);

export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    element: (
      <RequireAuth allow={mayReadReports}>
        <DashboardPage />
      </RequireAuth>
    ),
  },
  { path: 'cities/:cityId/open-data', element: <OpenDataPage /> },
];
