import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { nameOrCommunity } from '../../../lib/naming';
import { useAppeals, useResolveAppeal, type AppealCase, type AppealResolution } from '../api/decisions';
import { decisionErrorText } from './decision-errors';
import { DecisionItem } from './decision-history';

/** `/admin/appeals`: the administrator rules on open appeals (upheld, or overturned back to where the participation was). */
export function AppealsPage() {
  const { t, i18n } = useTranslation();
  const appeals = useAppeals('open');
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
            <p className="empty">{t('decisions.admin.empty')}</p>
          ) : (
            list.map((appeal) => <AppealItem key={appeal.id} appeal={appeal} onRule={rule} pending={resolve.isPending} />)
          )
        }
      </QueryState>
    </section>
  );
}

function AppealItem({ appeal, onRule, pending }: { appeal: AppealCase; onRule: (appealId: string, body: AppealResolution) => void; pending: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const headingId = `appeal-${appeal.id}`;

  const send = (outcome: AppealResolution['outcome']) => {
    if (text.trim().length < 10) {
      setError(t('decisions.form.tooShort'));
      return;
    }
    setError(undefined);
    onRule(appeal.id, { outcome, text: text.trim() });
  };

  return (
    <article className="card" aria-labelledby={headingId} data-testid="appeal-item">
      <h2 id={headingId} className="card-title">
        {nameOrCommunity(t, appeal.community?.name, { start: true })}
      </h2>
      <p className="card-meta">
        {t('decisions.admin.club')}: {appeal.club.name}
      </p>
      <h3 className="label">{t('decisions.admin.decision')}</h3>
      <ul className="decision-list">
        <DecisionItem record={appeal.decision} />
      </ul>
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
    </article>
  );
}
