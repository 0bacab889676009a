import type { RouteObject } from 'react-router';
import { Layout } from '../components/layout';
import { NotFoundPage, RouteErrorPage } from '../components/not-found-page';
import { RequireAuth } from '../components/require-auth';
import { isAdministrator, isCoordinator, isRepresentative } from '../lib/auth';
import { CitiesPage } from '../features/cities/components/cities-page';
import { projectRoutes } from '../features/projects/routes';
import { pathwayRoutes } from '../features/pathway/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { decisionRoutes } from '../features/decisions/routes';
import { reviewRoutes } from '../features/reviews/routes';
import { accountRoutes } from '../features/account/routes';
import { reportRoutes } from '../features/reports/routes';
import { administrationRoutes } from '../features/administration/routes';
import { registrationClaimRoutes } from '../features/registration-claims/routes';
import { workQueueRoutes } from '../features/work-queue/routes';
import { lazyPage } from '../lib/lazy-page';

const LoginPage = lazyPage(() => import('../features/auth/components/login-page'), 'LoginPage');
const SignupPage = lazyPage(() => import('../features/auth/components/signup-page'), 'SignupPage');
const CityPage = lazyPage(() => import('../features/cities/components/city-page'), 'CityPage');
const ApplicationsPage = lazyPage(() => import('../features/clubs/components/applications-page'), 'ApplicationsPage');
const ClubPage = lazyPage(() => import('../features/clubs/components/club-page'), 'ClubPage');
const MyClubsPage = lazyPage(() => import('../features/clubs/components/my-clubs-page'), 'MyClubsPage');
const AccessLogPage = lazyPage(() => import('../features/communities/components/access-log-page'), 'AccessLogPage');
const MyCommunityPage = lazyPage(() => import('../features/communities/components/my-community-page'), 'MyCommunityPage');
const CommunityProfilePage = lazyPage(() => import('../features/communities/components/community-profile-page'), 'CommunityProfilePage');
const HolidaysPage = lazyPage(() => import('../features/admin/components/holidays-page'), 'HolidaysPage');
const ObservancesPage = lazyPage(() => import('../features/admin/components/observances-page'), 'ObservancesPage');
const TopicsPage = lazyPage(() => import('../features/admin/components/topics-page'), 'TopicsPage');
const AttendanceHistoryPage = lazyPage(() => import('../features/meetings/components/attendance-page'), 'AttendanceHistoryPage');
const AttendancePage = lazyPage(() => import('../features/meetings/components/attendance-page'), 'AttendancePage');
const CalendarPage = lazyPage(() => import('../features/meetings/components/calendar-page'), 'CalendarPage');
const EditMeetingPage = lazyPage(() => import('../features/meetings/components/edit-meeting-page'), 'EditMeetingPage');
const MeetingPage = lazyPage(() => import('../features/meetings/components/meeting-page'), 'MeetingPage');
const MinutesPage = lazyPage(() => import('../features/meetings/components/minutes-page'), 'MinutesPage');
const SchedulePage = lazyPage(() => import('../features/meetings/components/schedule-page'), 'SchedulePage');
const ParticipationPage = lazyPage(() => import('../features/participations/components/participation-page'), 'ParticipationPage');

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
      { path: 'clubs/:clubId/calendar', element: <CalendarPage /> },
      {
        path: 'clubs/:clubId/meetings/new',
        element: (
          <RequireAuth allow={isCoordinator}>
            <SchedulePage />
          </RequireAuth>
        ),
      },
      { path: 'meetings/:id', element: <MeetingPage /> },
      {
        path: 'meetings/:id/edit',
        element: (
          <RequireAuth allow={isCoordinator}>
            <EditMeetingPage />
          </RequireAuth>
        ),
      },
      {
        path: 'meetings/:id/attendance',
        element: (
          <RequireAuth allow={isCoordinator}>
            <AttendancePage />
          </RequireAuth>
        ),
      },
      {
        path: 'meetings/:id/attendance/history',
        element: (
          <RequireAuth allow={isCoordinator}>
            <AttendanceHistoryPage />
          </RequireAuth>
        ),
      },
      {
        path: 'meetings/:id/minutes',
        element: (
          <RequireAuth allow={isCoordinator}>
            <MinutesPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/topics',
        element: (
          <RequireAuth allow={isAdministrator}>
            <TopicsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/holidays',
        element: (
          <RequireAuth allow={isAdministrator}>
            <HolidaysPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin/weekly-observances',
        element: (
          <RequireAuth allow={isAdministrator}>
            <ObservancesPage />
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
        path: 'my-community/:communityId/access-log',
        element: (
          <RequireAuth allow={isRepresentative}>
            <AccessLogPage />
          </RequireAuth>
        ),
      },
      { path: 'communities/:id', element: <CommunityProfilePage /> },
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
      ...projectRoutes,
      ...pathwayRoutes,
      ...decisionRoutes,
      ...notificationRoutes,
      ...reviewRoutes,
      ...accountRoutes,
      ...reportRoutes,
      ...administrationRoutes,
      ...registrationClaimRoutes,
      ...workQueueRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
