import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorText, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { ApiError } from '../../../lib/api-error';
import type { Me } from '../../../lib/auth';
import { useLogin, useSecondStep } from '../../account/api/account';

/** Where RequireAuth sent the visitor from, so logging in takes them back there. */
function useReturnPath(): string {
  const location = useLocation();
  const from = (location.state as { from?: { pathname?: string; search?: string } } | null)?.from;
  if (!from?.pathname || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}`;
}

/** Email and password, then — when the account has one — a code from the authenticator app or a recovery code. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A community that erased its data lands here signed out (its representatives' accounts are gone).
  const erased = (useLocation().state as { erased?: boolean } | null)?.erased;
  const returnPath = useReturnPath();
  const login = useLogin();
  const secondStep = useSecondStep();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');

  // An administrator or official without a second factor sets it up before anything else.
  const proceed = (user?: Me) => void navigate(user?.secondFactorRequired && !user.secondFactorEnabled ? '/account' : returnPath, { replace: true });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (step) => {
          if (step.kind === 'second-factor') setChallenge(step.challenge);
          else proceed(step.user);
        },
      },
    );
  };

  const onSubmitCode = (event: FormEvent) => {
    event.preventDefault();
    if (!challenge) return;
    secondStep.mutate(
      { challenge, code: code.trim() },
      {
        onSuccess: (session) => proceed(session.user),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'AUTH.CHALLENGE_EXPIRED') setChallenge(null);
        },
      },
    );
  };

  if (challenge) {
    return (
      <section className="narrow">
        <PageTitle subtitle={t('account.login.codeIntro')}>{t('account.login.codeTitle')}</PageTitle>
        <form className="card form" onSubmit={onSubmitCode} noValidate>
          {secondStep.error && (
            <p role="alert" className="alert alert-error">
              {errorText(t, secondStep.error, { feature: 'account' })}
            </p>
          )}
          <FormField label={t('account.login.code')}>
            <input name="code" autoComplete="one-time-code" inputMode="text" value={code} onChange={(e) => setCode(e.target.value)} required />
          </FormField>
          <button type="submit" className="button" disabled={secondStep.isPending || code.trim().length < 6}>
            {t('account.login.submitCode')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setChallenge(null)}>
            {t('account.login.startOver')}
          </button>
        </form>
      </section>
    );
  }

  const fields = login.error instanceof ApiError ? login.error.fields : {};
  const expired = secondStep.error instanceof ApiError && secondStep.error.code === 'AUTH.CHALLENGE_EXPIRED' ? secondStep.error : null;
  const shownError = login.error ?? expired;

  return (
    <section className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {erased && (
        <p role="status" className="alert alert-success" data-testid="erased-notice">
          {t('myCommunity.erasure.done')}
        </p>
      )}
      <form className="card form" onSubmit={onSubmit} noValidate aria-describedby={shownError ? 'login-error' : undefined}>
        {shownError && (
          <p id="login-error" role="alert" className="alert alert-error">
            {errorText(t, shownError, { feature: 'account' })}
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
        <Link to="/forgot-password" data-testid="forgot-password">
          {t('account.login.forgot')}
        </Link>
      </p>
      <p className="below-form">
        {t('login.noAccount')} <Link to="/signup">{t('login.signupLink')}</Link>
      </p>
    </section>
  );
}
