import { APPEAL_STATUSES } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { nameOrCommunity } from '../../../lib/naming';
import { useAppeals, useResolveAppeal, type AppealCase, type AppealResolution } from '../api/decisions';
import { decisionErrorText } from './decision-errors';
import { DecisionItem } from './decision-history';

const FILTERS = [...APPEAL_STATUSES, 'all'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * `/admin/appeals`: the administrator rules on open appeals (upheld, or overturned back to where the
 * participation was); decided ones stay listed with their ruling, filtered by status (`?status=`).
 */
export function AppealsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: Filter = FILTERS.find((value) => value === params.get('status')) ?? 'open';
  const appeals = useAppeals(filter === 'all' ? undefined : filter);
  // Held by the page: a ruling removes its item from the list, and the notice must outlive it.
  const resolve = useResolveAppeal();
  const [resolved, setResolved] = useState(false);

  const rule = (appealId: string, body: AppealResolution) => {
    setResolved(false);
    resolve.mutate({ appealId, ...body }, { onSuccess: () => setResolved(true) });
  };

  return (
    <section>
      <PageTitle>{t('decisions.admin.title')}</PageTitle>
      <p className="lead">{t('decisions.admin.intro')}</p>
      <div className="form-field">
        <label htmlFor="appeals-filter">{t('clubMonth.appeals.filter')}</label>
        <select
          id="appeals-filter"
          value={filter}
          onChange={(e) => setParams(e.target.value === 'open' ? {} : { status: e.target.value }, { replace: true })}
          data-testid="appeals-filter"
        >
          {FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`clubMonth.appeals.status.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {resolved && (
        <p role="status" className="alert alert-success" data-testid="appeal-resolved">
          {t('decisions.admin.resolved')}
        </p>
      )}
      {resolve.error && (
        <p role="alert" className="alert alert-error">
          {decisionErrorText(t, resolve.error, i18n.language)}
        </p>
      )}
      <QueryState query={appeals}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{filter === 'open' ? t('decisions.admin.empty') : t('clubMonth.appeals.empty')}</p>
          ) : (
            list.map((appeal) => <AppealItem key={appeal.id} appeal={appeal} onRule={rule} pending={resolve.isPending} />)
          )
        }
      </QueryState>
    </section>
  );
}

/** An appeal with the decision it contests; the ruling form while it is open (a decided one shows its ruling in the decision). */
function AppealItem({ appeal, onRule, pending }: { appeal: AppealCase; onRule: (appealId: string, body: AppealResolution) => void; pending: boolean }) {
  const { t } = useTranslation();
  const headingId = `appeal-${appeal.id}`;
  return (
    <article className="card" aria-labelledby={headingId} data-testid="appeal-item" data-status={appeal.status}>
      <h2 id={headingId} className="card-title">
        {nameOrCommunity(t, appeal.community?.name, { start: true })}
      </h2>
      <p>
        <span className="badge" data-testid="appeal-item-status">{t(`clubMonth.appeals.status.${appeal.status}`)}</span>
      </p>
      <p className="card-meta">
        {t('decisions.admin.club')}: {appeal.club.name}
      </p>
      <h3 className="label">{t('decisions.admin.decision')}</h3>
      <ul className="decision-list">
        <DecisionItem record={appeal.decision} />
      </ul>
      {appeal.status === 'open' && <RulingForm appeal={appeal} onRule={onRule} pending={pending} />}
    </article>
  );
}

function RulingForm({ appeal, onRule, pending }: { appeal: AppealCase; onRule: (appealId: string, body: AppealResolution) => void; pending: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  const send = (outcome: AppealResolution['outcome']) => {
    if (text.trim().length < 10) {
      setError(t('decisions.form.tooShort'));
      return;
    }
    setError(undefined);
    onRule(appeal.id, { outcome, text: text.trim() });
  };

  return (
    <>
      <FormField label={t('decisions.admin.resolutionText')} error={error}>
        <textarea name="resolution" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} data-testid="appeal-resolution-text" />
      </FormField>
      <div className="actions">
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => send('upheld')} data-testid="appeal-uphold">
          {t('decisions.admin.uphold')}
        </button>
        <button type="button" className="button button-danger-outline" disabled={pending} onClick={() => send('overturned')} data-testid="appeal-overturn">
          {t('decisions.admin.overturn')}
        </button>
      </div>
    </>
  );
}
