import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { ApiError } from '../../../lib/api-error';
import { STATEMENT_MAX_LENGTH, STATEMENT_MIN_LENGTH, useApply } from '../api/apply';

export interface ApplyingCommunity {
  id: string;
  /** Unknown until the viewer's communities load; the select then shows the id. */
  name?: string;
}

interface ApplyFormProps {
  clubId: string;
  /** The viewer's communities without a live participation in this club. */
  communities: ApplyingCommunity[];
  onApplied: (participationId: string) => void;
}

export function ApplyForm({ clubId, communities, onApplied }: ApplyFormProps) {
  const { t } = useTranslation();
  const apply = useApply(clubId, (participation) => onApplied(participation.id));
  const [communityId, setCommunityId] = useState(communities[0]?.id ?? '');
  const [statement, setStatement] = useState('');
  const [statementError, setStatementError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = statement.trim();
    if (trimmed.length < STATEMENT_MIN_LENGTH) {
      setStatementError(t('club.apply.statementTooShort', { min: STATEMENT_MIN_LENGTH }));
      return;
    }
    setStatementError(undefined);
    apply.mutate(
      { communityId, statement: trimmed },
      {
        onError: (error) => {
          if (error instanceof ApiError) setStatementError(fieldErrorText(t, error.fields.statement));
        },
      },
    );
  };

  return (
    <form className="card form apply-form" onSubmit={onSubmit} noValidate aria-labelledby="apply-title" data-testid="apply-form">
      <h2 id="apply-title">{t('club.apply.title')}</h2>
      <p className="field-hint">{t('club.apply.intro')}</p>
      {apply.error && (
        <p role="alert" className="alert alert-error">
          {errorText(t, apply.error)}
        </p>
      )}
      {communities.length > 1 && (
        <FormField label={t('club.apply.community')}>
          <select name="communityId" value={communityId} onChange={(e) => setCommunityId(e.target.value)}>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name ?? community.id}
              </option>
            ))}
          </select>
        </FormField>
      )}
      {communities.length === 1 && communities[0].name && (
        <p className="apply-as">{t('club.apply.asCommunity', { name: communities[0].name })}</p>
      )}
      <FormField
        label={t('club.apply.statement')}
        hint={t('club.apply.statementHint', { min: STATEMENT_MIN_LENGTH, max: STATEMENT_MAX_LENGTH })}
        error={statementError}
      >
        <textarea
          name="statement"
          rows={5}
          maxLength={STATEMENT_MAX_LENGTH}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          required
          data-testid="apply-statement"
        />
      </FormField>
      <button type="submit" className="button" disabled={apply.isPending || !communityId} data-testid="apply-submit">
        {apply.isPending ? t('club.apply.submitting') : t('club.apply.submit')}
      </button>
    </form>
  );
}
