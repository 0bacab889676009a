import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { errorText, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-error';
import { useFollowLink, useRequestPasswordReset, useResetPassword } from '../api/account';

/** The secret of an emailed link: after `#`, so the browser never sends it to a server (logs, Referer). */
function useLinkSecret(): string {
  return useLocation().hash.replace(/^#/, '');
}

/** `/confirm-email#…` and `/confirm-email-change#…`: opening the link confirms, once. */
export function ConfirmLinkPage({ kind }: { kind: 'confirm-email' | 'confirm-email-change' }) {
  const { t } = useTranslation();
  const secret = useLinkSecret();
  const follow = useFollowLink(kind);
  const { mutate } = follow;
  useEffect(() => {
    if (secret) mutate(secret);
  }, [secret, mutate]);
  const change = kind === 'confirm-email-change';
  return (
    <section className="narrow">
      <PageTitle>{t(change ? 'account.confirmEmail.changeTitle' : 'account.confirmEmail.title')}</PageTitle>
      {!secret || follow.isError ? (
        <p role="alert" className="alert alert-error">
          {follow.error ? errorText(t, follow.error, { feature: 'account' }) : t('account.linkInvalid')}
        </p>
      ) : follow.isSuccess ? (
        <p role="status" className="alert alert-success" data-testid="link-done">
          {t(change ? 'account.confirmEmail.changeDone' : 'account.confirmEmail.done')}
        </p>
      ) : (
        <p>{t('account.confirmEmail.working')}</p>
      )}
      <p className="below-form">
        <Link to="/login">{t('account.logIn')}</Link>
      </p>
    </section>
  );
}

/** `/forgot-password`: answered alike for any address. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email.trim());
  };
  return (
    <section className="narrow">
      <PageTitle subtitle={t('account.forgot.intro')}>{t('account.forgot.title')}</PageTitle>
      {request.isSuccess ? (
        <p role="status" className="alert alert-success" data-testid="reset-sent">
          {t('account.forgot.sent', { email: email.trim() })}
        </p>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate>
          {request.error && (
            <p role="alert" className="alert alert-error">
              {errorText(t, request.error, { feature: 'account' })}
            </p>
          )}
          <FormField label={t('account.forgot.email')}>
            <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </FormField>
          <button type="submit" className="button" disabled={request.isPending || !email.trim()}>
            {t('account.forgot.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

/** `/reset-password#…`: a new password through the emailed link; every session ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const secret = useLinkSecret();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate({ token: secret, newPassword: password });
  };
  const fields = reset.error instanceof ApiError ? reset.error.fields : {};
  return (
    <section className="narrow">
      <PageTitle>{t('account.reset.title')}</PageTitle>
      {reset.isSuccess ? (
        <p role="status" className="alert alert-success" data-testid="reset-done">
          {t('account.reset.done')} <Link to="/login">{t('account.logIn')}</Link>
        </p>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate>
          {reset.error && (
            <p role="alert" className="alert alert-error">
              {errorText(t, reset.error, { feature: 'account' })}
            </p>
          )}
          <FormField label={t('account.reset.newPassword')} hint={t('account.signup.passwordHint')} error={fieldErrorText(t, fields.newPassword)}>
            <input name="newPassword" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </FormField>
          <button type="submit" className="button" disabled={reset.isPending || password.length < 12 || !secret}>
            {t('account.reset.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
