import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { anonymous, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const administrator = (secondFactorEnabled: boolean) =>
  representative([], {
    id: 'user-admin',
    email: 'admin@example.kz',
    displayName: 'Secretariat',
    roles: [{ role: 'administrator', clubId: null, communityId: null, region: null }],
    secondFactorEnabled,
    secondFactorRequired: true,
  });

const sessions = [
  {
    id: 'session-here',
    current: true,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
    address: '203.0.113.5',
    createdAt: '2026-12-01T08:00:00.000Z',
    lastActiveAt: '2026-12-01T09:00:00.000Z',
    expiresAt: '2026-12-01T09:30:00.000Z',
  },
  {
    id: 'session-phone',
    current: false,
    userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile',
    address: '198.51.100.7',
    createdAt: '2026-11-30T08:00:00.000Z',
    lastActiveAt: '2026-11-30T09:00:00.000Z',
    expiresAt: '2026-11-30T09:30:00.000Z',
  },
];

describe('signing in with two steps', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': anonymous });
    api.install();
  });

  it('asks for the code from the app after the password, then signs in', async () => {
    api.on('POST /api/auth/login', { status: 202, body: { challenge: 'c'.repeat(43), expiresAt: '2026-12-01T09:05:00.000Z' } });
    api.on('POST /api/auth/login/second-factor', (request) =>
      (request.body as { code: string }).code === '123456' ? { body: { user: representative() } } : apiError(401, 'AUTH.INVALID_CODE', { code: 'wrong code' }),
    );
    const { user, router } = renderApp('/login', { locale: 'ru' });
    await user.type(await screen.findByLabelText('Электронная почта'), 'rep@example.kz');
    await user.type(screen.getByLabelText('Пароль'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Войти' }));

    expect(await screen.findByRole('heading', { name: 'Двухэтапный вход' })).toBeInTheDocument();
    expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Код'), '654321');
    await user.click(screen.getByRole('button', { name: 'Продолжить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Код неверный.');

    await user.clear(screen.getByLabelText('Код'));
    await user.type(screen.getByLabelText('Код'), '123456');
    await user.click(screen.getByRole('button', { name: 'Продолжить' }));
    expect(await screen.findByTestId('current-user')).toHaveTextContent('Aigerim Rep');
    expect(router.state.location.pathname).toBe('/');
    expect(api.callsTo('POST', '/api/auth/login/second-factor')[1].body).toEqual({ challenge: 'c'.repeat(43), code: '123456' });
  });

  it('starts again from the password when the step expired', async () => {
    api.on('POST /api/auth/login', { status: 202, body: { challenge: 'c'.repeat(43), expiresAt: '2026-12-01T09:05:00.000Z' } });
    api.on('POST /api/auth/login/second-factor', apiError(401, 'AUTH.CHALLENGE_EXPIRED'));
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Email'), 'rep@example.kz');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await user.type(await screen.findByLabelText('Code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in took too long. Enter your password again.');
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });

  it('tells a newcomer to open the emailed link first', async () => {
    api.on('POST /api/auth/login', apiError(403, 'AUTH.EMAIL_NOT_CONFIRMED'));
    const { user } = renderApp('/login', { locale: 'kk' });
    await user.type(await screen.findByLabelText('Электрондық пошта'), 'new@example.kz');
    await user.type(screen.getByLabelText('Құпиясөз'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Кіру' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Алдымен электрондық пошта мекенжайын растаңыз');
  });
});

describe('the pages emailed links open', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': anonymous });
    api.install();
  });

  it('confirms an address from the secret after #, once', async () => {
    api.on('POST /api/auth/email-confirmation', { status: 204 });
    renderApp(`/confirm-email#${'s'.repeat(43)}`);
    expect(await screen.findByTestId('link-done')).toHaveTextContent('Your address is confirmed. You can log in now.');
    expect(api.callsTo('POST', '/api/auth/email-confirmation')).toEqual([expect.objectContaining({ body: { token: 's'.repeat(43) } })]);
  });

  it('says when a link no longer works', async () => {
    api.on('POST /api/auth/email-confirmation', apiError(400, 'AUTH.INVALID_LINK'));
    renderApp(`/confirm-email#${'s'.repeat(43)}`, { locale: 'ru' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Ссылка больше не действует');
  });

  it('asks for a reset link, answering alike, and sets a new password from the link', async () => {
    api.on('POST /api/auth/password-reset', { status: 202 });
    const { user } = renderApp('/login');
    await user.click(await screen.findByTestId('forgot-password'));
    await user.type(await screen.findByLabelText('Email'), 'rep@example.kz');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByTestId('reset-sent')).toHaveTextContent('If rep@example.kz has an account, a link is on its way.');

    api.on('POST /api/auth/password-reset/completion', (request) =>
      (request.body as { newPassword: string }).newPassword === 'password1234' ? apiError(400, 'AUTH.WEAK_PASSWORD', { password: 'too easy to guess' }) : { status: 204 },
    );
    const reset = renderApp(`/reset-password#${'r'.repeat(43)}`);
    await reset.user.type(await screen.findByLabelText('New password'), 'password1234');
    await reset.user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This password is too easy to guess.');
    await reset.user.clear(screen.getByLabelText('New password'));
    await reset.user.type(screen.getByLabelText('New password'), 'steppe kettle violin morning');
    await reset.user.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByTestId('reset-done')).toHaveTextContent('every device was signed out');
    expect(api.callsTo('POST', '/api/auth/password-reset/completion')[1].body).toEqual({ token: 'r'.repeat(43), newPassword: 'steppe kettle violin morning' });
  }, 20_000);
});

describe('the account page', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative() },
      'GET /api/auth/second-factor': { body: { enabled: false, required: false, recoveryCodesLeft: 0 } },
      'GET /api/auth/sessions': { body: sessions },
    });
    api.install();
  });

  it('sends an administrator without a second factor to set it up: a QR code, its key, the first code, the recovery codes', async () => {
    api.on('GET /api/auth/me', anonymous);
    api.on('POST /api/auth/login', { body: { user: administrator(false) } });
    api.on('GET /api/auth/second-factor', { body: { enabled: false, required: true, recoveryCodesLeft: 0 } });
    api.on('POST /api/auth/second-factor/enrolment', {
      status: 201,
      body: { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Dastarkhan:admin@example.kz?secret=JBSWY3DPEHPK3PXP', qrCode: 'data:image/png;base64,iVBORw0KGgo=' },
    });
    api.on('POST /api/auth/second-factor/enrolment/confirmation', { body: { recoveryCodes: ['ABCDE-FGHJK', 'LMNPQ-RSTUV'] } });
    const { user, router } = renderApp('/login');
    await user.type(await screen.findByLabelText('Email'), 'admin@example.kz');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByTestId('second-factor-needed')).toHaveTextContent('Administrators and officials sign in with two steps.');
    expect(router.state.location.pathname).toBe('/account');
    api.on('GET /api/auth/me', { body: administrator(false) });
    await user.click(await screen.findByTestId('start-enrolment'));
    const enrolment = await screen.findByTestId('enrolment');
    expect(within(enrolment).getByRole('img', { name: 'QR code for the authenticator app' })).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(within(enrolment).getByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    api.on('GET /api/auth/second-factor', { body: { enabled: true, required: true, recoveryCodesLeft: 2 } });
    api.on('GET /api/auth/me', { body: administrator(true) });
    await user.type(within(enrolment).getByLabelText('Code from the app'), '123456');
    await user.click(within(enrolment).getByRole('button', { name: 'Turn on' }));

    expect(await screen.findByTestId('recovery-codes')).toHaveTextContent('ABCDE-FGHJK');
    expect(await screen.findByTestId('second-factor-state')).toHaveAttribute('data-enabled', 'true');
    await waitFor(() => expect(screen.queryByTestId('second-factor-banner')).not.toBeInTheDocument());
    // Required of administrators: no way to turn it off is offered.
    expect(screen.queryByRole('button', { name: 'Turn off' })).not.toBeInTheDocument();
  }, 20_000);

  it('lists where the user is signed in and signs one device out', async () => {
    const { user } = renderApp('/account');
    const list = await screen.findByTestId('sessions');
    const [here, phone] = within(list).getAllByTestId('session');
    expect(here).toHaveTextContent('Chrome on Linux');
    expect(here).toHaveTextContent('This device');
    expect(phone).toHaveTextContent('Chrome on Android');
    expect(phone).toHaveTextContent('from 198.51.100.7');
    expect(within(here).queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();

    api.on('DELETE /api/auth/sessions/session-phone', { status: 204 });
    api.on('GET /api/auth/sessions', { body: [sessions[0]] });
    await user.click(within(phone).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(within(screen.getByTestId('sessions')).getAllByTestId('session')).toHaveLength(1));
  });

  it('asks for the password again before a consequential step, then runs it', async () => {
    api.on('GET /api/auth/second-factor', { body: { enabled: true, required: false, recoveryCodesLeft: 10 } });
    api.on('DELETE /api/auth/second-factor', apiError(403, 'AUTH.REAUTHENTICATION_REQUIRED'));
    api.on('POST /api/auth/reauthentication', (request) =>
      (request.body as { password: string }).password === 'correct horse battery' ? { status: 204 } : apiError(401, 'AUTH.INVALID_CREDENTIALS'),
    );
    const { user } = renderApp('/account');
    await user.click(await screen.findByRole('button', { name: 'Turn off' }));

    const dialog = await screen.findByTestId('reauth-dialog');
    await user.type(within(dialog).getByLabelText('Password'), 'wrong one');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Wrong email or password.');

    api.on('DELETE /api/auth/second-factor', { status: 204 });
    api.on('GET /api/auth/second-factor', { body: { enabled: false, required: false, recoveryCodesLeft: 0 } });
    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    await waitFor(() => expect(screen.queryByTestId('reauth-dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(api.callsTo('DELETE', '/api/auth/second-factor')).toHaveLength(2));
    expect(await screen.findByTestId('second-factor-state')).toHaveAttribute('data-enabled', 'false');
  }, 20_000);

  it('polls the bell in the background, so that it does not keep the session alive', async () => {
    renderApp('/account');
    await waitFor(() => expect(api.callsTo('GET', '/api/notifications/unread-count').length).toBeGreaterThan(0));
    expect(api.callsTo('GET', '/api/notifications/unread-count')[0].headers.get('X-Background')).toBe('1');
    expect(api.callsTo('GET', '/api/auth/sessions')[0].headers.get('X-Background')).toBeNull();
  });
});

describe('the security log', () => {
  it('searches by kind, account and period, a page at a time', async () => {
    const event = (id: number, kind: string) => ({
      id,
      occurredAt: '2026-12-01T09:00:00.000Z',
      kind,
      actorId: 'user-rep',
      actorEmail: 'rep@example.kz',
      actorRole: null,
      address: '203.0.113.9',
      resource: 'auth.sign-in',
      details: { reason: 'password' },
      communities: 0,
    });
    const api = createFakeApi({
      'GET /api/auth/me': { body: administrator(true) },
      'GET /api/admin/security-events': (request) =>
        request.query.get('before') === '7'
          ? { body: { items: [event(6, 'sign-in.failed')], nextBefore: null } }
          : { body: { items: [event(8, 'sign-in.failed'), event(7, 'sign-in.failed')], nextBefore: 7 } },
    });
    api.install();
    const { user } = renderApp('/admin/security-events');
    await user.selectOptions(await screen.findByLabelText('Kind'), 'sign-in.failed');
    await user.type(screen.getByLabelText('Account (email)'), 'rep@example.kz');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(api.callsTo('GET', '/api/admin/security-events').some((call) => call.query.get('kind') === 'sign-in.failed')).toBe(true));
    expect(await screen.findAllByTestId('security-event')).toHaveLength(2);
    expect(screen.getAllByTestId('security-event')[0]).toHaveTextContent('203.0.113.9');
    await user.click(screen.getByRole('button', { name: 'Older events' }));
    await waitFor(() => expect(screen.getAllByTestId('security-event')).toHaveLength(1));
    const last = api.callsTo('GET', '/api/admin/security-events').at(-1);
    expect(Object.fromEntries(last?.query ?? [])).toMatchObject({ kind: 'sign-in.failed', actor: 'rep@example.kz', before: '7' });
  });
});
