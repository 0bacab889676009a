import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useClub } from '../../clubs/api/club';
import { useClubPeople, useInviteToClub } from '../api/administration';
import { InvitationList, PersonRow } from './people-page';
import { AdminError } from './reason-action';
import { useClubText } from '../../clubs/club-text';

/** `/clubs/:clubId/people`: the club's coordinators invite co-coordinators and their communities' representatives. */
export function ClubPeoplePage() {
  const { t } = useTranslation();
  const clubText = useClubText();
  const { clubId = '' } = useParams();
  const club = useClub(clubId);
  const people = useClubPeople(clubId);
  return (
    <section>
      <QueryState query={club}>
        {(c) => (
          <>
            <PageTitle subtitle={t('administration.people.clubIntro')}>{t('administration.people.clubTitle', { club: clubText.name(c) })}</PageTitle>
            {!c.archived && <ClubInviteForm clubId={clubId} communities={c.participants.map((p) => p.community)} />}
          </>
        )}
      </QueryState>
      <QueryState query={people}>
        {(p) => (
          <>
            <h2>{t('administration.people.coordinators')}</h2>
            <ul className="plain-list admin-list" data-testid="club-coordinators">
              {p.coordinators.map((person) => (
                <PersonRow key={person.id} person={person} canDeactivate={false} />
              ))}
            </ul>
            <h2>{t('administration.people.invitations')}</h2>
            <InvitationList invitations={p.invitations} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function ClubInviteForm({ clubId, communities }: { clubId: string; communities: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const invite = useInviteToClub();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'coordinator' | 'representative'>('coordinator');
  const [communityId, setCommunityId] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ clubId, email: email.trim(), role, ...(role === 'representative' ? { communityId } : {}) }, { onSuccess: () => setEmail('') });
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="club-invite-form">
      <h2>{t('administration.people.invite')}</h2>
      <FormField label={t('administration.people.email')}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="club-invite-email" />
      </FormField>
      <FormField label={t('administration.people.role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as 'coordinator' | 'representative')} data-testid="club-invite-role">
          <option value="coordinator">{t('administration.roles.coordinator')}</option>
          <option value="representative">{t('administration.roles.representative')}</option>
        </select>
      </FormField>
      {role === 'representative' && (
        <FormField label={t('administration.people.community')}>
          <select value={communityId} onChange={(e) => setCommunityId(e.target.value)} data-testid="club-invite-community">
            <option value="">{t('common.choose')}</option>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <AdminError error={invite.error} />
      {invite.isSuccess && (
        <p role="status" className="alert alert-success">
          {t('administration.people.sent')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={invite.isPending || !email.trim()} data-testid="club-invite-send">
          {t('administration.people.send')}
        </button>
      </div>
    </form>
  );
}
