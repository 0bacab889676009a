import type { RouteObject } from 'react-router';
import { Layout } from '../components/layout';
import { NotFoundPage, RouteErrorPage } from '../components/not-found-page';
import { RequireAuth } from '../components/require-auth';
import { isAdministrator, isCoordinator, isRepresentative } from '../lib/auth';
import { LoginPage } from '../features/auth/components/login-page';
import { SignupPage } from '../features/auth/components/signup-page';
import { CitiesPage } from '../features/cities/components/cities-page';
import { CityPage } from '../features/cities/components/city-page';
import { ApplicationsPage } from '../features/clubs/components/applications-page';
import { ClubPage } from '../features/clubs/components/club-page';
import { MyClubsPage } from '../features/clubs/components/my-clubs-page';
import { AccessLogPage } from '../features/communities/components/access-log-page';
import { MyCommunityPage } from '../features/communities/components/my-community-page';
import { HolidaysPage } from '../features/admin/components/holidays-page';
import { TopicsPage } from '../features/admin/components/topics-page';
import { AttendanceHistoryPage, AttendancePage } from '../features/meetings/components/attendance-page';
import { CalendarPage } from '../features/meetings/components/calendar-page';
import { EditMeetingPage } from '../features/meetings/components/edit-meeting-page';
import { MeetingPage } from '../features/meetings/components/meeting-page';
import { MinutesPage } from '../features/meetings/components/minutes-page';
import { SchedulePage } from '../features/meetings/components/schedule-page';
import { ParticipationPage } from '../features/participations/components/participation-page';
import { projectRoutes } from '../features/projects/routes';
import { pathwayRoutes } from '../features/pathway/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { decisionRoutes } from '../features/decisions/routes';
import { reviewRoutes } from '../features/reviews/routes';
import { accountRoutes } from '../features/account/routes';
import { reportRoutes } from '../features/reports/routes';
import { administrationRoutes } from '../features/administration/routes';
import { registrationClaimRoutes } from '../features/registration-claims/routes';

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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
