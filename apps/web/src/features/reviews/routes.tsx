import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isOfficial } from '../../lib/auth';
import { OfficialCandidaciesPage } from './components/official-candidacies-page';

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
