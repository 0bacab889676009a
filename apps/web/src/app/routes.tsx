import type { RouteObject } from 'react-router';
import { Layout } from '../components/layout';
import { NotFoundPage, RouteErrorPage } from '../components/not-found-page';
import { RequireAuth } from '../components/require-auth';
import { isCoordinator, isRepresentative } from '../lib/auth';
import { LoginPage } from '../features/auth/components/login-page';
import { SignupPage } from '../features/auth/components/signup-page';
import { CitiesPage } from '../features/cities/components/cities-page';
import { CityPage } from '../features/cities/components/city-page';
import { ApplicationsPage } from '../features/clubs/components/applications-page';
import { ClubPage } from '../features/clubs/components/club-page';
import { MyClubsPage } from '../features/clubs/components/my-clubs-page';
import { MyCommunityPage } from '../features/communities/components/my-community-page';
import { ParticipationPage } from '../features/participations/components/participation-page';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <CitiesPage /> },
      { path: 'cities', element: <CitiesPage /> },
      { path: 'cities/:cityId', element: <CityPage /> },
      { path: 'clubs/:clubId', element: <ClubPage /> },
      {
        path: 'clubs/:clubId/applications',
        element: (
          <RequireAuth allow={isCoordinator}>
            <ApplicationsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'participations/:id',
        element: (
          <RequireAuth>
            <ParticipationPage />
          </RequireAuth>
        ),
      },
      {
        path: 'my-community',
        element: (
          <RequireAuth allow={isRepresentative}>
            <MyCommunityPage />
          </RequireAuth>
        ),
      },
      {
        path: 'my-clubs',
        element: (
          <RequireAuth allow={isCoordinator}>
            <MyClubsPage />
          </RequireAuth>
        ),
      },
      { path: 'login', element: <LoginPage /> },
      { path: 'signup', element: <SignupPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
