import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator, isCoordinator, isOfficial, type Me } from '../../lib/auth';

// The dashboard and its chart library load only on these routes: the first page does not carry them.
const DashboardPage = lazy(() => import('./components/dashboard-page'));
const OpenDataPage = lazy(() => import('./components/open-data-page'));

export const mayReadReports = (me: Me | null | undefined) => isOfficial(me) || isAdministrator(me) || isCoordinator(me);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p role="status" className="loading"><span className="spinner" aria-hidden="true" /></p>}>{children}</Suspense>;
}

export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    element: (
      <RequireAuth allow={mayReadReports}>
        <Loading>
          <DashboardPage />
        </Loading>
      </RequireAuth>
    ),
  },
  {
    path: 'cities/:cityId/open-data',
    element: (
      <Loading>
        <OpenDataPage />
      </Loading>
    ),
  },
];
