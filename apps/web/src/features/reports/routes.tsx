import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator, isCoordinator, isOfficial, type Me } from '../../lib/auth';

// The dashboard and its chart library load only on these routes (the layout's Suspense waits for them).
const DashboardPage = lazy(() => import('./components/dashboard-page'));
const OpenDataPage = lazy(() => import('./components/open-data-page'));

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
