import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { ClubPicker } from '../../clubs/components/club-picker';
import { useAuditLog, type AuditQuery } from '../api/administration';
import { AdministrationNav } from './administration-nav';

/** `/admin/audit-log`: every change, searched by actor, club, community, record, action and period; CSV export. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditQuery>({});
  const [query, setQuery] = useState<AuditQuery>({});
  const log = useAuditLog(query);
  const clean = (q: AuditQuery): AuditQuery => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== '' && v !== undefined)) as AuditQuery;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(clean({ ...draft, from: draft.from ? new Date(draft.from).toISOString() : undefined, to: draft.to ? new Date(draft.to).toISOString() : undefined }));
  };
  const field = (key: 'actor' | 'action' | 'recordId' | 'communityId', label: string) => (
    <FormField label={label}>
      <input value={draft[key] ?? ''} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} data-testid={`audit-${key}`} />
    </FormField>
  );
  const csv = `/api/admin/audit-log/export.csv?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;
  return (
    <section>
      <AdministrationNav />
      <PageTitle subtitle={t('administration.audit.intro')}>{t('administration.audit.title')}</PageTitle>
      <form className="form card" onSubmit={onSubmit} noValidate data-testid="audit-filters">
        <div className="field-row field-row-3">
          {field('actor', t('administration.audit.actor'))}
          {field('action', t('administration.audit.action'))}
          <FormField label={t('administration.audit.club')}>
            <ClubPicker value={draft.clubId ?? ''} onChange={(clubId) => setDraft({ ...draft, clubId: clubId || undefined })} emptyLabel={t('common.choose')} data-testid="audit-club" />
          </FormField>
          {field('recordId', t('administration.audit.record'))}
          {field('communityId', t('administration.audit.community'))}
          <FormField label={t('administration.audit.from')}>
            <input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </FormField>
          <FormField label={t('administration.audit.to')}>
            <input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </FormField>
        </div>
        <div className="actions">
          <button type="submit" className="button" data-testid="audit-search">
            {t('administration.audit.search')}
          </button>
          <a className="button button-secondary" href={csv} download data-testid="audit-export">
            {t('administration.audit.export')}
          </a>
        </div>
      </form>
      <QueryState query={log}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('administration.audit.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="audit-entries">
                <thead>
                  <tr>
                    <th scope="col">{t('administration.audit.when')}</th>
                    <th scope="col">{t('administration.audit.who')}</th>
                    <th scope="col">{t('administration.audit.what')}</th>
                    <th scope="col">{t('administration.audit.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((entry) => (
                    <tr key={entry.id} data-testid={`audit-${entry.action}`}>
                      <td>{formatDateTime(entry.occurredAt, i18n.language)}</td>
                      <td>
                        {entry.actorName ?? '—'}
                        {entry.actorRole ? ` (${entry.actorRole})` : ''}
                      </td>
                      <td>
                        <code>{entry.action}</code> {entry.resource} {entry.recordId ? <code>{entry.recordId.slice(0, 8)}</code> : null}
                      </td>
                      <td>
                        <code className="audit-details">{JSON.stringify(entry.details)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {page.nextBefore !== null && (
                <button type="button" className="button button-secondary" onClick={() => setQuery({ ...query, before: page.nextBefore ?? undefined })}>
                  {t('administration.audit.more')}
                </button>
              )}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
