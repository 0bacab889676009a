import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TRADITIONS, type Tradition } from '@dastarkhan/domain';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useClub } from '../../clubs/api/club';
import { CommunityPicker } from '../../communities/components/community-picker';
import { useClubPeople, useCreateOnBehalf, useInviteToClub } from '../api/administration';
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
            {!c.archived && (
              <>
                <p>
                  <Link to={`/clubs/${clubId}/roster`} className="button button-secondary" data-testid="roster-link">
                    {t('administration.onBehalf.rosterLink')}
                  </Link>
                </p>
                <ClubInviteForm clubId={clubId} />
                <OnBehalfForm clubId={clubId} />
              </>
            )}
          </>
        )}
      </QueryState>
      <QueryState query={people}>
        {(p) => (
          <>
            <h2>{t('administration.onBehalf.communities')}</h2>
            {p.communities.length === 0 ? (
              <p>{t('administration.onBehalf.none')}</p>
            ) : (
              <ul className="plain-list admin-list" data-testid="club-created-communities">
                {p.communities.map((community) => (
                  <li key={community.id}>
                    {community.name} · {t(`registration.${community.registrationStatus}`)}
                  </li>
                ))}
              </ul>
            )}
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

function ClubInviteForm({ clubId }: { clubId: string }) {
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
          <CommunityPicker clubId={clubId} value={communityId} onChange={setCommunityId} emptyLabel={t('common.choose')} data-testid="club-invite-community" />
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

const EMPTY_ENTRY = { name: '', tradition: '' as Tradition | '', registrationNumber: '', registrationDate: '', registrationIssuingBody: '', contactEmail: '', representativeEmail: '' };

/** A registered community with no account yet, entered on its behalf: a registration claim that waits for verification (P7). */
function OnBehalfForm({ clubId }: { clubId: string }) {
  const { t } = useTranslation();
  const create = useCreateOnBehalf();
  const [entry, setEntry] = useState(EMPTY_ENTRY);
  const set = (field: keyof typeof EMPTY_ENTRY) => (event: { target: { value: string } }) => setEntry({ ...entry, [field]: event.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (value: string) => value.trim() || undefined;
    create.mutate(
      {
        clubId,
        name: entry.name.trim(),
        tradition: entry.tradition as Tradition,
        registrationStatus: 'registered',
        registrationNumber: entry.registrationNumber.trim(),
        registrationDate: optional(entry.registrationDate),
        registrationIssuingBody: optional(entry.registrationIssuingBody),
        contactEmail: optional(entry.contactEmail),
        representativeEmail: optional(entry.representativeEmail),
      },
      { onSuccess: () => setEntry(EMPTY_ENTRY) },
    );
  };
  // The date and issuing body may be left to the verifying official, who reads them off the register (P7).
  const complete = entry.name.trim() && entry.tradition && entry.registrationNumber.trim();
  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="on-behalf-form">
      <h2>{t('administration.onBehalf.title')}</h2>
      <p className="field-hint">{t('administration.onBehalf.intro')}</p>
      <FormField label={t('community.name')}>
        <input value={entry.name} onChange={set('name')} data-testid="on-behalf-name" />
      </FormField>
      <FormField label={t('community.tradition')}>
        <select value={entry.tradition} onChange={set('tradition')} data-testid="on-behalf-tradition">
          <option value="">{t('common.choose')}</option>
          {TRADITIONS.map((tradition) => (
            <option key={tradition} value={tradition}>
              {t(`tradition.${tradition}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('community.registrationNumber')}>
        <input value={entry.registrationNumber} onChange={set('registrationNumber')} data-testid="on-behalf-number" />
      </FormField>
      <FormField label={t('community.registrationDate')} hint={t('administration.onBehalf.detailsOptional')}>
        <input type="date" value={entry.registrationDate} onChange={set('registrationDate')} data-testid="on-behalf-date" />
      </FormField>
      <FormField label={t('community.registrationIssuingBody')} hint={t('community.registrationIssuingBodyHint')}>
        <input value={entry.registrationIssuingBody} onChange={set('registrationIssuingBody')} data-testid="on-behalf-issuing-body" />
      </FormField>
      <FormField label={t('administration.onBehalf.contactEmail')}>
        <input type="email" value={entry.contactEmail} onChange={set('contactEmail')} data-testid="on-behalf-contact" />
      </FormField>
      <FormField label={t('administration.onBehalf.representativeEmail')}>
        <input type="email" value={entry.representativeEmail} onChange={set('representativeEmail')} data-testid="on-behalf-representative" />
      </FormField>
      <AdminError error={create.error} />
      {create.data && (
        <p role="status" className="alert alert-success">
          {t(create.data.invitationSent ? 'administration.onBehalf.createdInvited' : 'administration.onBehalf.created', { name: create.data.name })}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending || !complete} data-testid="on-behalf-submit">
          {t('administration.onBehalf.submit')}
        </button>
      </div>
    </form>
  );
}
