import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { formatDate } from '../../../lib/format';
import { QueryState } from '../../../components/query-state';
import { useClubApplications, type DecisionOutcome } from '../api/applications';
import { useClub } from '../api/club';
import { ApplicationCard } from './application-card';
import { useClubText } from '../club-text';

export function ApplicationsPage() {
  const { clubId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const club = useClub(clubId);
  const clubText = useClubText();
  const applications = useClubApplications(clubId);
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);

  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/clubs/${clubId}`}>{(club.data && clubText.name(club.data)) ?? t('applications.backToClub')}</Link>
      </p>
      <PageTitle subtitle={club.data && clubText.name(club.data)}>{t('applications.title')}</PageTitle>
      {outcome?.kind === 'conflict' && (
        <p role="alert" className="alert alert-warning" data-testid="conflict-notice">
          {t('applications.conflict')}
        </p>
      )}
      {outcome?.kind === 'done' && (
        <p role="status" className="alert alert-success">
          {outcome.action === 'decline' && outcome.reapplyOn
            ? t('clubMonth.applications.declined', { name: outcome.communityName, date: formatDate(outcome.reapplyOn, i18n.language) })
            : t(`applications.done.${outcome.action}`, { name: outcome.communityName })}
        </p>
      )}
      <QueryState query={applications}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('applications.empty')}</p>
          ) : (
            <div className="application-list">
              {[...list]
                .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
                .map((application) => (
                  <ApplicationCard key={`${application.id}:${application.version}`} application={application} onDecided={setOutcome} />
                ))}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
