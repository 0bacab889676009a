import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/auth';
import { searchable } from '../../../lib/search';
import {
  useDeactivate,
  useEndRole,
  useInvitations,
  useInvite,
  usePeople,
  useResendInvitation,
  useRevokeInvitation,
  type Invitation,
  type Person,
  type Role,
} from '../api/administration';
import { ClubPicker } from '../../clubs/components/club-picker';
import { AdministrationNav } from './administration-nav';
import { AdminError, ReasonAction } from './reason-action';

const ROLES: Role[] = ['coordinator', 'official', 'administrator'];

/** `/admin/users`: invite people to roles, end roles, deactivate people. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  // The API searches from a word of three letters (any script); shorter, the list stays whole.
  const people = usePeople(searchable(search) ? search.trim() : '');
  const invitations = useInvitations();
  return (
    <section>
      <AdministrationNav />
      <PageTitle>{t('administration.people.title')}</PageTitle>
      <InviteForm />
      <h2>{t('administration.people.invitations')}</h2>
      <QueryState query={invitations}>{(list) => <InvitationList invitations={list} />}</QueryState>
      <h2>{t('administration.people.everyone')}</h2>
      <FormField label={t('administration.people.search')}>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="people-search" />
      </FormField>
      <QueryState query={people}>
        {(list) => (
          <ul className="plain-list admin-list" data-testid="people">
            {list.map((person) => (
              <PersonRow key={person.id} person={person} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('coordinator');
  const [clubId, setClubId] = useState('');
  const [region, setRegion] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), role, ...(role === 'coordinator' ? { clubId } : {}), ...(role === 'official' && region.trim() ? { region: region.trim() } : {}) },
      { onSuccess: () => setEmail('') },
    );
  };
  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="invite-form">
      <h2>{t('administration.people.invite')}</h2>
      <FormField label={t('administration.people.email')}>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="invite-email" />
      </FormField>
      <FormField label={t('administration.people.role')}>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="invite-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`administration.roles.${r}`)}
            </option>
          ))}
        </select>
      </FormField>
      {role === 'coordinator' && (
        <FormField label={t('administration.people.club')}>
          <ClubPicker activeOnly value={clubId} onChange={setClubId} emptyLabel={t('common.choose')} data-testid="invite-club" />
        </FormField>
      )}
      {role === 'official' && (
        <FormField label={t('administration.people.region')} hint={t('administration.people.regionHint')}>
          <input value={region} onChange={(e) => setRegion(e.target.value)} data-testid="invite-region" />
        </FormField>
      )}
      <AdminError error={invite.error} />
      {invite.isSuccess && (
        <p role="status" className="alert alert-success">
          {t('administration.people.sent')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={invite.isPending || !email.trim()} data-testid="invite-send">
          {t('administration.people.send')}
        </button>
      </div>
    </form>
  );
}

/** Invitations with their status; pending and expired ones can be sent again or withdrawn. */
export function InvitationList({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation();
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  return (
    <>
      <AdminError error={resend.error ?? revoke.error} />
      <ul className="plain-list" data-testid="invitations">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="card admin-row" data-testid={`invitation-${invitation.email}`}>
            <span className="participant-name">{invitation.email}</span> · {t(`administration.roles.${invitation.role}`)}
            {invitation.clubName ? ` · ${invitation.clubName}` : ''}
            {invitation.communityName ? ` · ${invitation.communityName}` : ''}
            {invitation.region ? ` · ${invitation.region}` : ''} · <span className="badge">{t(`administration.status.${invitation.status}`)}</span>
            {(invitation.status === 'pending' || invitation.status === 'expired') && (
              <span className="actions">
                <button type="button" className="button button-small button-secondary" onClick={() => resend.mutate(invitation.id)} disabled={resend.isPending}>
                  {t('administration.people.resend')}
                </button>
                <button type="button" className="button button-small button-secondary" onClick={() => revoke.mutate(invitation.id)} disabled={revoke.isPending}>
                  {t('administration.people.revoke')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A person and every role they held; roles in force can be ended, the person deactivated (administrator). */
export function PersonRow({ person, canDeactivate = true }: { person: Person; canDeactivate?: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const end = useEndRole();
  const deactivate = useDeactivate();
  const active = person.deactivatedAt === null;
  return (
    <li className={`card admin-row${active ? '' : ' archived'}`} data-testid={`person-${person.email}`}>
      <div className="admin-row-head">
        <span className="participant-name">{person.displayName}</span>
        <span className="card-meta">{person.email}</span>
        {!active && <span className="badge badge-status-withdrawn">{t('administration.people.deactivated')}</span>}
      </div>
      <ul className="plain-list">
        {person.roles.length === 0 && <li>{t('administration.people.noRoles')}</li>}
        {person.roles.map((role) => (
          <li key={role.id} data-testid={`role-${role.role}`}>
            {t(`administration.roles.${role.role}`)}
            {role.clubName ? ` · ${role.clubName}` : ''}
            {role.communityName ? ` · ${role.communityName}` : ''}
            {role.role === 'official' ? ` · ${role.region ?? '—'}` : ''} · {t('administration.people.since', { date: formatDate(role.startsOn, i18n.language) })}
            {role.endsOn ? ` · ${t('administration.people.until', { date: formatDate(role.endsOn, i18n.language) })}` : ''}
            {!role.inForce && role.endsOn ? ` (${t('administration.people.ended')}${role.endReason ? `: ${role.endReason}` : ''})` : ''}
            {role.inForce && !role.endsOn && (
              <ReasonAction
                label={t('administration.people.endRole')}
                question={t('administration.people.endQuestion')}
                testId={`end-role-${role.id}`}
                busy={end.isPending}
                error={end.error}
                onConfirm={(reason, done) => end.mutate({ id: role.id, reason }, { onSuccess: done })}
              />
            )}
          </li>
        ))}
      </ul>
      {canDeactivate && person.id !== me.data?.id && (
        <ReasonAction
          label={t(active ? 'administration.people.deactivate' : 'administration.people.reactivate')}
          question={t(active ? 'administration.people.deactivateQuestion' : 'administration.people.reactivate')}
          testId={`deactivate-${person.id}`}
          busy={deactivate.isPending}
          error={deactivate.error}
          onConfirm={(reason, done) => deactivate.mutate({ userId: person.id, reason, active }, { onSuccess: done })}
        />
      )}
    </li>
  );
}
