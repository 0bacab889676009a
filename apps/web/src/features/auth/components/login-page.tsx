import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorText, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-error';
import { useLogin } from '../api/login';

/** Where RequireAuth sent the visitor from, so logging in takes them back there. */
function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as { from?: { pathname?: string; search?: string } } | null)?.from;
  if (!from?.pathname || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A community that erased its data lands here signed out (its representatives' accounts are gone).
  const erased = (useLocation().state as { erased?: boolean } | null)?.erased;
  const returnPath = useReturnPath();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(returnPath, { replace: true }) });
  };

  const fields = login.error instanceof ApiError ? login.error.fields : {};

  return (
    <section className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {erased && (
        <p role="status" className="alert alert-success" data-testid="erased-notice">
          {t('myCommunity.erasure.done')}
        </p>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate aria-describedby={login.error ? 'login-error' : undefined}>
        {login.error && (
          <p id="login-error" role="alert" className="alert alert-error">
            {errorText(t, login.error)}
          </p>
        )}
        <FormField label={t('login.email')} error={fieldErrorText(t, fields.email)}>
          <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </FormField>
        <FormField label={t('login.password')} error={fieldErrorText(t, fields.password)}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </FormField>
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="below-form">
        {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
      </p>
    </section>
  );
}
