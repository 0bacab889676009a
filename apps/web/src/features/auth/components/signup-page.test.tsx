import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { anonymous } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

/** Typing-heavy tests take seconds alone; leave room for a loaded machine. */
const TYPING_TIMEOUT = 20_000;

describe('signup page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': anonymous });
    api.install();
  });

  it('explains who can see a non-registered community', async () => {
    renderApp('/signup', { locale: 'ru' });
    expect(await screen.findByRole('heading', { name: 'Конфиденциальность' })).toBeInTheDocument();
    expect(screen.getByText(/видят только координаторы клубов, в которые она подала заявку/)).toBeInTheDocument();
  });

  it('sends the account and the community profile, then asks to open the emailed link (nobody is signed in yet)', async () => {
    api.on('POST /api/auth/signup', { status: 202 });
    const { user, router } = renderApp('/signup');

    await user.type(await screen.findByLabelText('Your name'), 'Aigerim');
    await user.type(screen.getByLabelText('Email'), 'aigerim@example.kz');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Community name'), 'New Light Church');
    await user.selectOptions(screen.getByLabelText('Tradition'), 'Lutheran Church');
    expect(screen.queryByLabelText('Registration number')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('State registration'), 'Registered');
    // Officials of the region will check the claimed entry: the form says so before anything is sent.
    expect(screen.getByTestId('registration-claim-note')).toHaveTextContent('officials of your region will see this register entry');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    // Checked before any request: the password is too short, the registration details are missing.
    expect(screen.getByText('The password must be at least 12 characters long.')).toBeInTheDocument();
    expect(screen.getAllByText('This field is required.')).toHaveLength(3);
    expect(api.callsTo('POST', '/api/auth/signup')).toHaveLength(0);

    await user.type(screen.getByLabelText('Password'), '-and-longer');
    await user.type(screen.getByLabelText('Registration number'), 'KZ-0042');
    await user.type(screen.getByLabelText('Registration date'), '2019-05-20');
    await user.type(screen.getByLabelText('Issuing body'), 'Justice Dept');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByTestId('signup-check-email')).toHaveTextContent('We sent a link to aigerim@example.kz');
    expect(router.state.location.pathname).toBe('/signup');
    expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/communities/mine')).toHaveLength(0);
    expect(api.callsTo('POST', '/api/auth/signup')[0].body).toEqual({
      displayName: 'Aigerim',
      email: 'aigerim@example.kz',
      password: 'short-and-longer',
      locale: 'en',
      community: {
        name: 'New Light Church',
        tradition: 'lutheran',
        registrationStatus: 'registered',
        registrationNumber: 'KZ-0042',
        registrationDate: '2019-05-20',
        registrationIssuingBody: 'Justice Dept',
        isPublic: false,
      },
    });
  }, TYPING_TIMEOUT);

  it('says in Russian why the API refused a guessable password', async () => {
    api.on('POST /api/auth/signup', apiError(400, 'AUTH.WEAK_PASSWORD', { password: 'too easy to guess' }));
    const { user } = renderApp('/signup', { locale: 'ru' });
    await user.type(await screen.findByLabelText('Ваше имя'), 'Айгерим');
    await user.type(screen.getByLabelText('Электронная почта'), 'aigerim@example.kz');
    await user.type(screen.getByLabelText('Пароль'), 'qwerty123456');
    await user.type(screen.getByLabelText('Название общины'), 'Новый свет');
    await user.selectOptions(screen.getByLabelText('Вероисповедание'), 'lutheran');
    await user.click(screen.getByRole('button', { name: 'Создать учётную запись' }));
    expect(await screen.findByText(/Этот пароль слишком легко подобрать/)).toBeInTheDocument();
  }, TYPING_TIMEOUT);

  it("shows the API's field errors next to the fields", async () => {
    // The API words its field errors in English; the form shows a translated hint at the field.
    api.on(
      'POST /api/auth/signup',
      apiError(400, 'VALIDATION_FAILED', {
        email: 'email must be an email',
        'community.name': 'name must be shorter than or equal to 200 characters',
      }),
    );
    const { user } = renderApp('/signup');

    await user.type(await screen.findByLabelText('Your name'), 'Aigerim');
    await user.type(screen.getByLabelText('Email'), 'aigerim@example.kz');
    await user.type(screen.getByLabelText('Password'), 'long-enough-password');
    await user.type(screen.getByLabelText('Community name'), 'Grace');
    await user.selectOptions(screen.getByLabelText('Tradition'), 'Other');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please check the highlighted fields.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Please check this value.');
    expect(screen.getByLabelText('Community name')).toHaveAccessibleDescription('Please check this value.');
    expect(screen.getByLabelText('Your name')).not.toHaveAccessibleDescription();
  });
});
