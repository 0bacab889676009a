import { useQueryClient, type Mutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { isApiError } from '../../../lib/api-error';
import { useMe } from '../../../lib/auth';
import { useReauthenticate } from '../api/account';
import './account.css';

type AnyMutation = Mutation<unknown, unknown, unknown, unknown>;

/**
 * A consequential step (consent, erasure, an appeal ruling, second-factor changes) answered 403
 * AUTH.REAUTHENTICATION_REQUIRED: ask for the password (and a code when the account has a second
 * factor), then run the step again.
 */
export function ReauthDialog() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const reauthenticate = useReauthenticate();
  const [pending, setPending] = useState<AnyMutation | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        const mutation = event.mutation as AnyMutation | undefined;
        const error = mutation?.state.error;
        if (event.type === 'updated' && mutation?.state.status === 'error' && isApiError(error) && error.code === 'AUTH.REAUTHENTICATION_REQUIRED') {
          setPending(mutation);
        }
      }),
    [queryClient],
  );

  if (!pending) return null;

  const close = () => {
    setPending(null);
    setPassword('');
    setCode('');
    reauthenticate.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reauthenticate.mutate(
      { password, ...(me?.secondFactorEnabled ? { code: code.trim() } : {}) },
      {
        onSuccess: () => {
          const retry = pending;
          close();
          void retry.execute(retry.state.variables).catch(() => undefined);
        },
      },
    );
  };

  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="reauth-title" className="card dialog" data-testid="reauth-dialog">
        <form className="form" onSubmit={onSubmit} noValidate>
          <h2 id="reauth-title">{t('account.reauth.title')}</h2>
          <p>{t('account.reauth.intro')}</p>
          {reauthenticate.error && (
            <p role="alert" className="alert alert-error">
              {errorText(t, reauthenticate.error, { feature: 'account' })}
            </p>
          )}
          <FormField label={t('account.reauth.password')}>
            <input name="reauthPassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          </FormField>
          {me?.secondFactorEnabled && (
            <FormField label={t('account.reauth.code')}>
              <input name="reauthCode" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
            </FormField>
          )}
          <div className="actions">
            <button type="submit" className="button" disabled={reauthenticate.isPending || !password}>
              {t('account.reauth.submit')}
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              {t('account.reauth.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
