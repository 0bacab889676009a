import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator, isCoordinator } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const ClubPolicyPage = lazyPage(() => import('./components/policy-editor'), 'ClubPolicyPage');
const NationalPolicyPage = lazyPage(() => import('./components/policy-editor'), 'NationalPolicyPage');
const ProgressPage = lazyPage(() => import('./components/progress-page'), 'ProgressPage');

/** The pathway pages: progress (the API decides who may see it), and the policy editors. */
export const pathwayRoutes: RouteObject[] = [
  {
    path: 'participations/:id/progress',
    element: (
      <RequireAuth>
        <ProgressPage />
      </RequireAuth>
    ),
  },
  {
    path: 'clubs/:clubId/pathway-policy',
    element: (
      <RequireAuth allow={isCoordinator}>
        <ClubPolicyPage />
      </RequireAuth>
    ),
  },
  {
    path: 'admin/pathway-policy',
    element: (
      <RequireAuth allow={isAdministrator}>
        <NationalPolicyPage />
      </RequireAuth>
    ),
  },
];
