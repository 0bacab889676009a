import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const AppealsPage = lazyPage(() => import('./components/appeals-page'), 'AppealsPage');

/** The administrator's appeals page; the decision forms live on the progress page. */
export const decisionRoutes: RouteObject[] = [
  {
    path: 'admin/appeals',
    element: (
      <RequireAuth allow={isAdministrator}>
        <AppealsPage />
      </RequireAuth>
    ),
  },
];
