import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isRepresentative } from '../../lib/auth';
import { ClubProjectsPage } from './components/club-projects-page';
import { ProjectPage } from './components/project-page';
import { ProposeProjectPage } from './components/propose-project-page';

/** The joint projects pages; the list and a completed public project are open to anonymous visitors. */
export const projectRoutes: RouteObject[] = [
  { path: 'clubs/:clubId/projects', element: <ClubProjectsPage /> },
  {
    path: 'clubs/:clubId/projects/new',
    element: (
      <RequireAuth allow={isRepresentative}>
        <ProposeProjectPage />
      </RequireAuth>
    ),
  },
  { path: 'projects/:id', element: <ProjectPage /> },
];
