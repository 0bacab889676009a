import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { AdminNav } from '../../admin/components/admin-nav';
import { useSecurityEvents, type SecurityEventFilters, type SecurityEventKind } from '../api/account';
import './account.css';

/** Every kind the record holds, in the order the filter offers them (the API's SensitiveEventKind). */
const KINDS: readonly SecurityEventKind[] = [
  'sign-in',
  'sign-in.failed',
  'throttled',
  'sign-out',
  'session.ended',
  'signup',
  'email.confirmed',
  'email.changed',
  'password.changed',
  'password.reset-requested',
  'password.reset',
  'second-factor.enabled',
  'second-factor.disabled',
  'second-factor.failed',
  'second-factor.recovery-used',
  'second-factor.recovery-codes-renewed',
  'reauthenticated',
  'reauthentication.failed',
  'access.denied',
  'read',
  'consent.granted',
  'consent.revoked',
  'registration.claimed',
  'registration.verified',
  'registration.rejected',
  'erasure',
];

/** A local date-time input as an instant (the administrator's clock). */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** `/admin/security-events`: the administrator searches the record of sensitive and security events. */
export function SecurityEventsPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ kind: '', actor: '', from: '', to: '' });
  const [filters, setFilters] = useState<SecurityEventFilters>({});
  const events = useSecurityEvents(filters);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({
      kind: (draft.kind || undefined) as SecurityEventKind | undefined,
      actor: draft.actor.trim() || undefined,
      from: toInstant(draft.from),
      to: toInstant(draft.to),
    });
  };

  return (
    <section>
      <AdminNav />
      <PageTitle subtitle={t('account.security.intro')}>{t('account.security.title')}</PageTitle>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <FormField label={t('account.security.kind')}>
          <select name="kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t('account.security.anyKind')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('account.security.actor')}>
          <input name="actor" type="email" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </FormField>
        <FormField label={t('account.security.from')}>
          <input name="from" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </FormField>
        <FormField label={t('account.security.to')}>
          <input name="to" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </FormField>
        <button type="submit" className="button">
          {t('account.security.search')}
        </button>
      </form>
      <QueryState query={events}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="empty">{t('account.security.empty')}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="security-events" data-testid="security-events">
                  <thead>
                    <tr>
                      <th>{t('account.security.columns.when')}</th>
                      <th>{t('account.security.columns.kind')}</th>
                      <th>{t('account.security.columns.who')}</th>
                      <th>{t('account.security.columns.where')}</th>
                      <th>{t('account.security.columns.about')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((event) => (
                      <tr key={event.id} data-testid="security-event" data-kind={event.kind}>
                        <td>{formatDateTime(event.occurredAt, i18n.language)}</td>
                        <td>
                          <code>{event.kind}</code>
                        </td>
                        <td>{event.actorEmail ?? (event.actorId ? t('account.security.unknownAccount') : t('account.security.system'))}</td>
                        <td>{event.address ?? ''}</td>
                        <td>
                          {event.resource} {Object.keys(event.details).length > 0 && <code>{JSON.stringify(event.details)}</code>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.nextBefore !== null && (
                <button type="button" className="button button-secondary" onClick={() => setFilters({ ...filters, before: page.nextBefore ?? undefined })}>
                  {t('account.security.older')}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
