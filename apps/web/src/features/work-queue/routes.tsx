import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isCoordinator } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const WorkQueuePage = lazyPage(() => import('./components/work-queue-page'), 'WorkQueuePage');

/** A coordinator's To do. */
export const workQueueRoutes: RouteObject[] = [
  {
    path: 'to-do',
    element: (
      <RequireAuth allow={isCoordinator}>
        <WorkQueuePage />
      </RequireAuth>
    ),
  },
];
