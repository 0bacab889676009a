import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { anonymous, community, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('login page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': anonymous });
    api.install();
  });

  async function logIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string, submitName: RegExp) {
    await user.type(await screen.findByLabelText(/email|электронная почта|электрондық пошта/i), email);
    await user.type(screen.getByLabelText(/password|пароль|құпиясөз/i), password);
    await user.click(screen.getByRole('button', { name: submitName }));
  }

  it('shows a translated error when the email or password is wrong', async () => {
    api.on('POST /api/auth/login', apiError(401, 'AUTH.INVALID_CREDENTIALS'));
    const { user } = renderApp('/login', { locale: 'ru' });

    await logIn(user, 'rep@example.kz', 'wrong-password', /^войти$/i);

    expect(await screen.findByRole('alert')).toHaveTextContent('Неверный адрес электронной почты или пароль.');
    expect(api.callsTo('POST', '/api/auth/login')[0].body).toEqual({ email: 'rep@example.kz', password: 'wrong-password' });
  });

  it('tells the user to wait after too many attempts', async () => {
    api.on('POST /api/auth/login', apiError(429, 'AUTH.TOO_MANY_ATTEMPTS'));
    const { user } = renderApp('/login');

    await logIn(user, 'rep@example.kz', 'wrong-password', /^log in$/i);

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Wait a few minutes and try again.');
  });

  it('falls back to a generic translated message for an unknown error code', async () => {
    api.on('POST /api/auth/login', apiError(500, 'SOMETHING.UNEXPECTED'));
    const { user } = renderApp('/login', { locale: 'kk' });

    await logIn(user, 'rep@example.kz', 'whatever-password', /^кіру$/i);

    expect(await screen.findByRole('alert')).toHaveTextContent('Бірдеңе дұрыс болмады. Қайтадан көріңіз.');
  });

  it('takes the user back to the page they came from after logging in', async () => {
    const me = representative(['com-grace']);
    api.on('POST /api/auth/login', { body: { user: me } });
    api.on('GET /api/communities/mine', { body: [community()] });
    api.on('GET /api/communities/com-grace/participations', { body: [] });
    const { user, router } = renderApp('/my-community');

    // Anonymous: sent to the login page first.
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    await logIn(user, 'rep@example.kz', 'correct-horse-battery', /^log in$/i);

    expect(await screen.findByRole('heading', { name: 'My community' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/my-community');
    expect(screen.getByTestId('current-user')).toHaveTextContent('Aigerim Rep');
    expect(screen.getByRole('button', { name: 'Log out' })).toBeInTheDocument();
  });
});
