import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isOfficial } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const OfficialCandidaciesPage = lazyPage(() => import('./components/official-candidacies-page'), 'OfficialCandidaciesPage');

/** The officials' review page (the reviews section itself mounts on the progress page). */
export const reviewRoutes: RouteObject[] = [
  {
    path: 'official/candidacies',
    element: (
      <RequireAuth allow={isOfficial}>
        <OfficialCandidaciesPage />
      </RequireAuth>
    ),
  },
];
