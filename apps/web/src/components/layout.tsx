import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { isAdministrator, isCoordinator, isOfficial, isRepresentative, useLogout, useMe, verifiesRegistrations } from '../lib/auth';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { TodoLink } from '../features/work-queue/components/todo-link';
import { ReauthDialog } from '../features/account/components/reauth-dialog';
import { LanguageSwitch } from './language-switch';
import { LoadingStatus } from './query-state';

export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = me.data;
  const { pathname } = useLocation();
  // On a phone the navigation, languages and account fold behind one menu button (the header stays one row).
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/'),
    });

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <div className="header-quick">
            {user && (
              <>
                <TodoLink />
                <NotificationBell />
              </>
            )}
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-menu"
              onClick={() => setMenuOpen((open) => !open)}
              data-testid="menu-button"
            >
              <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} />
              </svg>
              <span className="visually-hidden">{t('nav.menu')}</span>
            </button>
          </div>
          <div id="site-menu" className={menuOpen ? 'header-menu header-menu-open' : 'header-menu'}>
            <nav aria-label={t('nav.label')} className="nav">
              <ul>
                <li>
                  <NavLink to="/cities">{t('nav.cities')}</NavLink>
                </li>
                {isRepresentative(user) && (
                  <li>
                    <NavLink to="/my-community">{t('nav.myCommunity')}</NavLink>
                  </li>
                )}
                {isCoordinator(user) && (
                  <li>
                    <NavLink to="/my-clubs">{t('nav.myClubs')}</NavLink>
                  </li>
                )}
                {isOfficial(user) && (
                  <li>
                    <NavLink to="/official/candidacies" data-testid="official-candidacies-link">
                      {t('nav.reviews')}
                    </NavLink>
                  </li>
                )}
                {(isOfficial(user) || isAdministrator(user) || isCoordinator(user)) && (
                  <li>
                    <NavLink to="/reports" data-testid="reports-link">
                      {t('nav.reports')}
                    </NavLink>
                  </li>
                )}
                {verifiesRegistrations(user) && (
                  <li>
                    <NavLink to="/registration-claims" data-testid="registration-claims-link">
                      {t('nav.claims')}
                    </NavLink>
                  </li>
                )}
                {isAdministrator(user) && (
                  <li>
                    <NavLink to="/admin" data-testid="admin-link">
                      {t('nav.admin')}
                    </NavLink>
                  </li>
                )}
              </ul>
            </nav>
            <div className="header-tools">
              <LanguageSwitch />
              <div className="account">
                {user ? (
                  <>
                    <NavLink to="/account" className="account-name" data-testid="current-user">
                      {user.displayName}
                    </NavLink>
                    <button type="button" className="button button-small button-secondary" onClick={onLogout} disabled={logout.isPending} data-testid="logout">
                      {t('nav.logout')}
                    </button>
                  </>
                ) : me.isPending ? null : (
                  <>
                    <NavLink to="/login" className="button button-small">
                      {t('nav.login')}
                    </NavLink>
                    <NavLink to="/signup" className="account-signup">
                      {t('nav.signup')}
                    </NavLink>
                  </>
                )}
              </div>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {user?.secondFactorRequired && !user.secondFactorEnabled && (
          <p role="status" className="alert alert-info" data-testid="second-factor-banner">
            {t('session.secondFactorNeeded')} <Link to="/account">{t('session.secondFactorNeededLink')}</Link>
          </p>
        )}
        {/* Pages load their code on first visit (lib/lazy-page.ts). */}
        <Suspense fallback={<LoadingStatus />}>
          <Outlet />
        </Suspense>
      </main>
      {user && <ReauthDialog />}
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
