import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage, errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useMe, type Me } from '../../../lib/auth';
import {
  useChangePassword,
  useConfirmEnrolment,
  useDisableSecondFactor,
  useEndAllSessions,
  useEndSession,
  useRenewRecoveryCodes,
  useRequestEmailChange,
  useSecondFactor,
  useSessions,
  useStartEnrolment,
  type SessionInfo,
} from '../api/account';
import { describeDevice } from './device';
import './account.css';

/** `/account`: the signed-in user's password, email address, two-step sign-in and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe().data as Me;
  return (
    <section>
      <PageTitle subtitle={t('account.intro')}>{t('account.title')}</PageTitle>
      {me.secondFactorRequired && !me.secondFactorEnabled && (
        <p role="alert" className="alert alert-info" data-testid="second-factor-needed">
          {t('session.secondFactorNeeded')}
        </p>
      )}
      <SecondFactorSection />
      <PasswordSection />
      <EmailSection email={me.email} />
      <SessionsSection />
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: () => (setCurrent(''), setNext('')) });
  };
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      {change.error && <p role="alert" className="alert alert-error">{errorText(t, change.error, { feature: 'account' })}</p>}
      {change.isSuccess && <p role="status" className="alert alert-success">{t('account.password.done')}</p>}
      <FormField label={t('account.password.current')}>
        <input name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </FormField>
      <FormField label={t('account.password.new')} hint={t('account.signup.passwordHint')}>
        <input name="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </FormField>
      <button type="submit" className="button" disabled={change.isPending || !current || next.length < 12}>
        {t('account.password.submit')}
      </button>
    </form>
  );
}

function EmailSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const request = useRequestEmailChange();
  const [next, setNext] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(next.trim());
  };
  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="email-title">
      <h2 id="email-title">{t('account.email.title')}</h2>
      <p>{t('account.email.current', { email })}</p>
      <ErrorMessage error={request.error} />
      {request.isSuccess && <p role="status" className="alert alert-success">{t('account.email.sent', { email: next.trim() })}</p>}
      <FormField label={t('account.email.new')}>
        <input name="newEmail" type="email" autoComplete="email" value={next} onChange={(e) => setNext(e.target.value)} />
      </FormField>
      <button type="submit" className="button" disabled={request.isPending || !next.trim()}>
        {t('account.email.submit')}
      </button>
    </form>
  );
}

function SecondFactorSection() {
  const { t } = useTranslation();
  const status = useSecondFactor();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const renew = useRenewRecoveryCodes();
  const disable = useDisableSecondFactor();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim(), {
      onSuccess: (result) => {
        setRecoveryCodes(result.recoveryCodes);
        setCode('');
        start.reset();
      },
    });
  };
  const error = start.error ?? confirm.error ?? renew.error ?? disable.error;

  return (
    <section className="card" aria-labelledby="second-factor-title" data-testid="second-factor">
      <h2 id="second-factor-title">{t('account.secondFactor.title')}</h2>
      {error && <p role="alert" className="alert alert-error">{errorText(t, error, { feature: 'account' })}</p>}
      <QueryState query={status}>
        {(state) => (
          <>
            <p data-testid="second-factor-state" data-enabled={state.enabled}>
              {t(state.enabled ? 'account.secondFactor.on' : 'account.secondFactor.off')} {state.required && t('account.secondFactor.required')}
            </p>
            {state.enabled && <p>{t('account.secondFactor.recoveryLeft', { count: state.recoveryCodesLeft })}</p>}
            {recoveryCodes && (
              <div className="note" data-testid="recovery-codes">
                <h3>{t('account.secondFactor.recoveryTitle')}</h3>
                <p>{t('account.secondFactor.recoveryIntro')}</p>
                <ul className="recovery-codes">
                  {recoveryCodes.map((recovery) => (
                    <li key={recovery}>
                      <code>{recovery}</code>
                    </li>
                  ))}
                </ul>
                <button type="button" className="button button-secondary" onClick={() => setRecoveryCodes(null)}>
                  {t('account.secondFactor.recoverySaved')}
                </button>
              </div>
            )}
            {start.data ? (
              <form className="form" onSubmit={onConfirm} noValidate data-testid="enrolment">
                <p>{t('account.secondFactor.scan')}</p>
                <img src={start.data.qrCode} alt={t('account.secondFactor.qrAlt')} width={240} height={240} />
                <p>
                  {t('account.secondFactor.manual')} <code data-testid="totp-secret">{start.data.secret}</code>
                </p>
                <FormField label={t('account.secondFactor.code')}>
                  <input name="totpCode" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} />
                </FormField>
                <button type="submit" className="button" disabled={confirm.isPending || !/^\d{6}$/.test(code.trim())}>
                  {t('account.secondFactor.confirm')}
                </button>
              </form>
            ) : (
              <div className="actions">
                <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending} data-testid="start-enrolment">
                  {t(state.enabled ? 'account.secondFactor.replace' : 'account.secondFactor.setUp')}
                </button>
                {state.enabled && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => renew.mutate(undefined, { onSuccess: (result) => setRecoveryCodes(result.recoveryCodes) })}
                    disabled={renew.isPending}
                  >
                    {t('account.secondFactor.renew')}
                  </button>
                )}
                {state.enabled && !state.required && (
                  <button type="button" className="button button-secondary" onClick={() => disable.mutate(undefined)} disabled={disable.isPending}>
                    {t('account.secondFactor.turnOff')}
                  </button>
                )}
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function SessionsSection() {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const end = useEndSession();
  const endAll = useEndAllSessions();
  const navigate = useNavigate();
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessions.title')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <ErrorMessage error={end.error ?? endAll.error} />
      <QueryState query={sessions}>
        {(list) => (
          <ul className="card-list" data-testid="sessions">
            {list.map((session) => (
              <SessionItem key={session.id} session={session} language={i18n.language} onEnd={() => end.mutate(session.id)} ending={end.isPending} />
            ))}
          </ul>
        )}
      </QueryState>
      <button type="button" className="button button-secondary" onClick={() => endAll.mutate(undefined, { onSuccess: () => void navigate('/login') })} disabled={endAll.isPending}>
        {t('account.sessions.everywhere')}
      </button>
    </section>
  );
}

function SessionItem({ session, language, onEnd, ending }: { session: SessionInfo; language: string; onEnd: () => void; ending: boolean }) {
  const { t } = useTranslation();
  const device = describeDevice(session.userAgent);
  return (
    <li className="card" data-testid="session" data-current={session.current}>
      <p className="card-title">
        {device ? t('account.sessions.device', device) : t('account.sessions.unknownDevice')}
        {session.current && <span className="badge"> {t('account.sessions.thisDevice')}</span>}
      </p>
      <p className="card-meta">
        {t('account.sessions.lastActive', { when: formatDateTime(session.lastActiveAt, language) })}
        {session.address && ` · ${t('account.sessions.from', { address: session.address })}`}
      </p>
      {!session.current && (
        <button type="button" className="button button-small button-secondary" onClick={onEnd} disabled={ending}>
          {t('account.sessions.signOut')}
        </button>
      )}
    </li>
  );
}
