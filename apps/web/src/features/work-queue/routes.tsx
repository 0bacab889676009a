import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isCoordinator } from '../../lib/auth';
import { WorkQueuePage } from './components/work-queue-page';

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
