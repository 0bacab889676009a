import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useAttention } from '../api/administration';
import { AdministrationNav } from './administration-nav';

/** `/admin`: what needs attention nationally. */
export function AdministrationHomePage() {
  const { t } = useTranslation();
  const attention = useAttention();
  return (
    <section>
      <AdministrationNav />
      <PageTitle subtitle={t('administration.home.intro')}>{t('administration.home.title')}</PageTitle>
      <QueryState query={attention}>
        {(a) => (
          <>
            <dl className="card figures" data-testid="attention">
              {(
                [
                  ['pendingInvitations', a.pendingInvitations, '/admin/users'],
                  ['expiredInvitations', a.expiredInvitations, '/admin/users'],
                  ['claims', a.registrationClaimsWaiting, '/registration-claims'],
                  ['appeals', a.openAppeals, '/admin/appeals'],
                  ['failedEmails', a.failedEmails, '/admin/email-outbox'],
                ] as const
              ).map(([key, value, to]) => (
                <div key={key}>
                  <dt>
                    <Link to={to}>{t(`administration.home.${key}`)}</Link>
                  </dt>
                  <dd data-testid={`attention-${key}`}>{value}</dd>
                </div>
              ))}
            </dl>
            <h2>{t('administration.home.clubsWithoutCoordinator')}</h2>
            {a.clubsWithoutCoordinator.length === 0 ? (
              <p>{t('administration.home.noneWithoutCoordinator')}</p>
            ) : (
              <ul className="plain-list" data-testid="clubs-without-coordinator">
                {a.clubsWithoutCoordinator.map((club) => (
                  <li key={club.id}>
                    <Link to={`/clubs/${club.id}/people`}>{club.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
