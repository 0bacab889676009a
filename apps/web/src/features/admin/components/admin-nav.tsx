import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.title')} className="subnav">
      <NavLink to="/admin/topics">{t('admin.topics.title')}</NavLink>
      <NavLink to="/admin/holidays">{t('admin.holidays.title')}</NavLink>
      <NavLink to="/admin/weekly-observances">{t('observances.navLink')}</NavLink>
      <NavLink to="/admin/pathway-policy">{t('pathway.policy.nationalTitle')}</NavLink>
      <NavLink to="/admin/email-outbox">{t('notifications.outbox.title')}</NavLink>
      <NavLink to="/admin/appeals">{t('decisions.admin.title')}</NavLink>
      <NavLink to="/admin/security-events">{t('account.security.navLink')}</NavLink>
    </nav>
  );
}
