import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { AdminNav } from '../../admin/components/admin-nav';

/** The administration pages' navigation, above the national settings' one. */
export function AdministrationNav() {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t('administration.navLink')} className="subnav">
        <NavLink to="/admin" end>
          {t('administration.nav.home')}
        </NavLink>
        <NavLink to="/admin/clubs">{t('administration.nav.clubs')}</NavLink>
        <NavLink to="/admin/users">{t('administration.nav.people')}</NavLink>
        <NavLink to="/admin/audit-log">{t('administration.nav.audit')}</NavLink>
      </nav>
      <AdminNav />
    </>
  );
}
