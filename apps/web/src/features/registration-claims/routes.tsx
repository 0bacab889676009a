import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { verifiesRegistrations } from '../../lib/auth';
import { RegistrationClaimsPage } from './components/registration-claims-page';

/** The verification queue of registration claims, for officials and administrators. */
export const registrationClaimRoutes: RouteObject[] = [
  {
    path: 'registration-claims',
    element: (
      <RequireAuth allow={verifiesRegistrations}>
        <RegistrationClaimsPage />
      </RequireAuth>
    ),
  },
];
