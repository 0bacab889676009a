import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isAdministrator } from '../../lib/auth';
import { AppealsPage } from './components/appeals-page';

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
