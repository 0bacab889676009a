import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { isRepresentative } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const ClubProjectsPage = lazyPage(() => import('./components/club-projects-page'), 'ClubProjectsPage');
const ProjectPage = lazyPage(() => import('./components/project-page'), 'ProjectPage');
const ProposeProjectPage = lazyPage(() => import('./components/propose-project-page'), 'ProposeProjectPage');

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
