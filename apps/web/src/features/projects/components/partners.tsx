import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../../components/figure';
import { FormField } from '../../../components/form-field';
import { RegistrationBadge } from '../../../components/status-badge';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { useMyCommunities } from '../../../lib/my-communities';
import { useProjectMutations, type Project, type ProjectPartner } from '../api/projects';
import { hasUndisclosedPartners, ProjectError } from './project-parts';

const ORDER = { lead: 0, partner: 1 } as const;

/** Who takes part: the lead first, then partners; a coordinator confirms or declines requests to join. */
export function Partners({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mine = representedCommunityIds(me.data);
  const awaitingConfirmation = project.partners.some((p) => p.status === 'requested' && mine.includes(p.community.id));
  const byName = new Intl.Collator(i18n.language).compare;
  const partners = [...project.partners].sort((a, b) => ORDER[a.role] - ORDER[b.role] || byName(a.community.name, b.community.name));
  return (
    <section className="card" aria-labelledby="partners-title" data-testid="partners">
      <h2 id="partners-title">{t('projects.partners.title')}</h2>
      {partners.length === 0 && !hasUndisclosedPartners(project) ? (
        <p className="empty">{t('projects.partners.none')}</p>
      ) : (
        <ul className="participant-list">
          {partners.map((partner) => (
            <PartnerRow key={partner.community.id} project={project} partner={partner} />
          ))}
        </ul>
      )}
      {hasUndisclosedPartners(project) && <UndisclosedContributions undisclosed={project.undisclosed} />}
      {awaitingConfirmation && (
        <p role="status" className="alert alert-success" data-testid="join-requested">
          {t('projects.partners.joined')}
        </p>
      )}
      {project.viewerCanJoinAs.length > 0 && <JoinButtons project={project} />}
    </section>
  );
}

/** What the partners the reader may not see did, under the small-count rule: "Partners not shown: fewer than 10 · their hours: …". */
function UndisclosedContributions({ undisclosed }: { undisclosed: Project['undisclosed'] }) {
  const { t } = useTranslation();
  return (
    <p className="card-meta" data-testid="undisclosed-partners">
      {t('projects.partners.undisclosed')}: <Figure figure={undisclosed.partners} testId="undisclosed-count" /> · {t('projects.partners.undisclosedVolunteers')}:{' '}
      <Figure figure={undisclosed.volunteers} testId="undisclosed-volunteers" /> · {t('projects.partners.undisclosedHours')}:{' '}
      <Figure figure={undisclosed.hours} testId="undisclosed-hours" />
    </p>
  );
}

function PartnerRow({ project, partner }: { project: Project; partner: ProjectPartner }) {
  const { t } = useTranslation();
  const { decide } = useProjectMutations(project.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const canDecide = project.viewerIsCoordinator && partner.status === 'requested' && project.status === 'active';
  const { community } = partner;

  const send = (decision: 'confirm' | 'decline') => {
    // Declining a community's request needs a reason (libs/domain decidePartner): it sees why.
    if (decision === 'decline' && !reason.trim()) {
      setReasonError(t('projects.validation.reasonRequired'));
      return;
    }
    decide.mutate({ communityId: community.id, decision, ...(decision === 'decline' ? { reason: reason.trim() } : {}) });
  };

  return (
    <li className="participant" data-testid={`partner-${community.name}`}>
      <span className="participant-name">{community.name}</span>
      <span className="participant-tradition">{t(`tradition.${community.tradition}`)}</span>
      <RegistrationBadge status={community.registrationStatus} />
      <span className="badge">{t(`projects.partners.role.${partner.role}`)}</span>
      {partner.status !== 'confirmed' && (
        <span className="card-meta" data-partner-status={partner.status}>
          {t(`projects.partners.status.${partner.status}`)}
        </span>
      )}
      {canDecide && (
        <div className="partner-decision">
          <ProjectError error={decide.error} />
          {declining ? (
            <div className="decline-box">
              <FormField label={t('projects.partners.declineReason')} error={reasonError}>
                <textarea
                  name="partnerReason"
                  rows={2}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setReasonError(undefined);
                  }}
                  maxLength={2000}
                  autoFocus
                />
              </FormField>
              <div className="actions">
                <button type="button" className="button button-danger" onClick={() => send('decline')} disabled={decide.isPending} data-testid="partner-confirm-decline">
                  {t('projects.partners.confirmDecline')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
                  {t('projects.actions.back')}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="button button-small" onClick={() => send('confirm')} disabled={decide.isPending} data-testid="partner-confirm">
                {t('projects.partners.confirm')}
              </button>
              <button type="button" className="button button-small button-danger-outline" onClick={() => setDeclining(true)} disabled={decide.isPending} data-testid="partner-decline">
                {t('projects.partners.decline')}
              </button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** The viewer's eligible communities not yet in the project (the API decides which; active projects only). */
function JoinButtons({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { join } = useProjectMutations(project.id);
  const myCommunities = useMyCommunities();
  const name = (id: string) => myCommunities.data?.find((community) => community.id === id)?.name ?? '…';
  return (
    <div className="decline-box">
      <ProjectError error={join.error} />
      <p className="field-hint">{t('projects.partners.joinHint')}</p>
      <div className="actions">
        {project.viewerCanJoinAs.map((communityId) => (
          <button key={communityId} type="button" className="button" onClick={() => join.mutate(communityId)} disabled={join.isPending} data-testid="join-project">
            {t('projects.partners.join', { name: name(communityId) })}
          </button>
        ))}
      </div>
    </div>
  );
}
