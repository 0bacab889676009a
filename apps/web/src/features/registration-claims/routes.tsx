import type { RouteObject } from 'react-router';
import { RequireAuth } from '../../components/require-auth';
import { verifiesRegistrations } from '../../lib/auth';
import { lazyPage } from '../../lib/lazy-page';

const RegistrationClaimsPage = lazyPage(() => import('./components/registration-claims-page'), 'RegistrationClaimsPage');

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
