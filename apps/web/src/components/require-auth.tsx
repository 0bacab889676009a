import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe, type Me } from '../lib/auth';
import { QueryState } from './query-state';

interface RequireAuthProps {
  /** Who may see the page; others see a translated "not for you" message. */
  allow?: (me: Me) => boolean;
  children: ReactNode;
}

/** Anonymous visitors go to /login and come back here after logging in. */
export function RequireAuth({ allow, children }: RequireAuthProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  return (
    <QueryState query={me}>
      {(user) => {
        if (!user) return <Navigate to="/login" replace state={{ from: location }} />;
        if (allow && !allow(user)) {
          return (
            <p role="alert" className="alert alert-info">
              {t('errors.pageNotAvailable')}
            </p>
          );
        }
        return children;
      }}
    </QueryState>
  );
}
