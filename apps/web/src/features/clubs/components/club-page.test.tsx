import type { Schemas } from '@dastarkhan/api-client';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { anonymous, club, communityRef, coordinator, participation, participationSummary, representative, community } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const participants: Schemas['ParticipantDto'][] = [
  { participationId: 'p-1', status: 'member', community: communityRef({ id: 'c-1', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' }) },
  { participationId: 'p-2', status: 'member', community: communityRef({ id: 'c-2', name: 'St Nicholas Parish', tradition: 'russian_orthodox', registrationStatus: 'registered' }) },
  { participationId: 'p-3', status: 'candidate', community: communityRef({ id: 'c-3', name: 'Beth Shalom', tradition: 'judaism', registrationStatus: 'registered' }) },
  { participationId: 'p-4', status: 'observer', community: communityRef({ id: 'c-4', name: 'Lotus Sangha', tradition: 'buddhism', registrationStatus: 'not_registered' }) },
  { participationId: 'p-5', status: 'suspended', community: communityRef({ id: 'c-5', name: 'River Fellowship', tradition: 'evangelical_protestant', registrationStatus: 'registration_pending' }) },
];

const group = (name: RegExp) => screen.getByRole('region', { name });

describe('club page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': anonymous, 'GET /api/clubs/club-1': { body: club({ participants }) } });
    api.install();
  });

  it('groups participants by status with their tradition and registration', async () => {
    renderApp('/clubs/club-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Almaty Multi-Faith Club' })).toBeInTheDocument();

    const members = group(/^Members/);
    expect(within(members).getAllByRole('listitem').map((item) => item.querySelector('.participant-name')?.textContent)).toEqual([
      'Central Mosque',
      'St Nicholas Parish',
    ]);
    expect(within(members).getByText('Sunni Islam')).toBeInTheDocument();
    expect(within(members).getAllByText('Registered')).toHaveLength(2);

    expect(within(group(/^Candidates/)).getByText('Beth Shalom')).toBeInTheDocument();
    const observers = group(/^Observers/);
    expect(within(observers).getByText('Lotus Sangha')).toBeInTheDocument();
    expect(within(observers).getByText('Not registered')).toBeInTheDocument();
    expect(within(observers).queryByText('Central Mosque')).not.toBeInTheDocument();
    const suspended = group(/^Suspended/);
    expect(within(suspended).getByText('River Fellowship')).toBeInTheDocument();
    expect(within(suspended).getByText('Registration pending')).toBeInTheDocument();

    // Applications are for coordinators only; nobody here may apply.
    expect(screen.queryByRole('region', { name: /^Applications/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('apply-form')).not.toBeInTheDocument();
  });

  it('shows a coordinator the applications group and the link to review them', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    const applicant = { participationId: 'p-9', status: 'applied' as const, community: communityRef({ id: 'c-9', name: 'Grace Church' }) };
    api.on('GET /api/clubs/club-1', { body: club({ participants: [...participants, applicant], viewerIsCoordinator: true, pendingApplications: 1 }) });
    renderApp('/clubs/club-1');

    const applications = await screen.findByRole('region', { name: /^Applications/ });
    expect(within(applications).getByText('Grace Church')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Applications/ })).toHaveAttribute('href', '/clubs/club-1/applications');
    expect(screen.queryByTestId('apply-form')).not.toBeInTheDocument();
  });

  it('offers the apply form to a representative whose community is not in the club, and sends the application', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    api.on('GET /api/communities/mine', { body: [community()] });
    api.on('POST /api/clubs/club-1/applications', ({ body }) => {
      // From now on the club shows the community's live application.
      api.on('GET /api/clubs/club-1', { body: club({ participants, viewerParticipations: [participationSummary({ id: 'part-new', status: 'applied' })] }) });
      return { status: 201, body: participation({ id: 'part-new', statement: (body as { statement: string }).statement }) };
    });
    const { user } = renderApp('/clubs/club-1');

    const statement = await screen.findByTestId('apply-statement');
    expect(await screen.findByText('Applying on behalf of Grace Church.')).toBeInTheDocument();

    await user.type(statement, 'too short');
    await user.click(screen.getByTestId('apply-submit'));
    expect(await screen.findByText('Write at least 10 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/applications')).toHaveLength(0);

    await user.clear(statement);
    await user.type(statement, 'We want to help with the spring clean-up and learn from our neighbours.');
    await user.click(screen.getByTestId('apply-submit'));

    expect(await screen.findByText(/Your application has been sent/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/applications')[0].body).toEqual({
      communityId: 'com-grace',
      statement: 'We want to help with the spring clean-up and learn from our neighbours.',
    });
    const badge = await screen.findByTestId('status-badge');
    expect(badge).toHaveAttribute('data-status', 'applied');
    expect(screen.queryByTestId('apply-form')).not.toBeInTheDocument();
  });

  it("shows a representative their community's status instead of the form when it already takes part", async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    api.on('GET /api/communities/mine', { body: [community()] });
    api.on('GET /api/clubs/club-1', {
      body: club({ participants, viewerParticipations: [participationSummary({ id: 'part-7', status: 'observer' })] }),
    });
    renderApp('/clubs/club-1');

    const badge = await screen.findByTestId('status-badge');
    expect(badge).toHaveAttribute('data-status', 'observer');
    expect(badge).toHaveTextContent('Observer');
    expect(screen.getByRole('link', { name: 'Status and history' })).toHaveAttribute('href', '/participations/part-7');
    expect(screen.queryByTestId('apply-form')).not.toBeInTheDocument();
  });

  it('lets a community apply again after its earlier application was declined', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    api.on('GET /api/communities/mine', { body: [community()] });
    api.on('GET /api/clubs/club-1', {
      body: club({ participants, viewerParticipations: [participationSummary({ id: 'part-old', status: 'declined' })] }),
    });
    renderApp('/clubs/club-1');

    expect(await screen.findByTestId('apply-form')).toBeInTheDocument();
    expect(screen.getByTestId('status-badge')).toHaveAttribute('data-status', 'declined');
  });

  it('lets a representative of two communities choose which one applies', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace', 'com-lotus']) });
    api.on('GET /api/communities/mine', {
      body: [community(), community({ id: 'com-lotus', name: 'Lotus Sangha', tradition: 'buddhism' })],
    });
    api.on('GET /api/clubs/club-1', {
      body: club({ participants, viewerParticipations: [participationSummary({ status: 'observer' })] }),
    });
    renderApp('/clubs/club-1');

    // Grace Church already observes here, so only Lotus Sangha can apply.
    await screen.findByTestId('apply-form');
    expect(await screen.findByText('Applying on behalf of Lotus Sangha.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Community' })).not.toBeInTheDocument();
  });

  it('offers a member community’s representative to sponsor each observer, and nobody else', async () => {
    api.on('GET /api/auth/me', { body: representative(['c-1']) });
    api.on('GET /api/clubs/club-1', {
      body: club({ participants, viewerParticipations: [participationSummary({ id: 'p-1', status: 'member' })] }),
    });
    renderApp('/clubs/club-1');

    const sponsor = await screen.findByTestId('sponsor-link-Lotus Sangha');
    expect(sponsor).toHaveAttribute('href', '/participations/p-4/progress?club=club-1');
    expect(sponsor).toHaveTextContent('Sponsor');
    expect(screen.queryByTestId('sponsor-link-Beth Shalom')).not.toBeInTheDocument();
    expect(screen.queryByTestId('policy-link')).not.toBeInTheDocument();
  });

  it('says since when the member community sponsors an observer, instead of offering to sponsor it again', async () => {
    api.on('GET /api/auth/me', { body: representative(['c-1']) });
    api.on('GET /api/clubs/club-1', {
      body: club({ participants, viewerParticipations: [participationSummary({ id: 'p-1', status: 'member' })] }),
    });
    api.on('GET /api/communities/com-grace/sponsorships', {
      body: [
        {
          id: 'sp-1',
          participationId: 'p-4',
          clubId: 'club-1',
          clubName: 'Almaty Multi-Faith Club',
          observer: null,
          observerStatus: 'observer',
          sponsorCommunityId: 'com-grace',
          statement: 'They kept every promise.',
          createdAt: '2026-06-01T06:00:00.000Z',
          withdrawnAt: null,
        },
      ],
    });
    renderApp('/clubs/club-1', { locale: 'ru' });

    await screen.findByText(/Вы поручитель с/);
    expect(screen.getByTestId('sponsor-link-Lotus Sangha')).toHaveTextContent('Вы поручитель с 1 июн. 2026');
  });

  it('gives the coordinator the pathway policy and each observer’s and candidate’s progress', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    api.on('GET /api/clubs/club-1', { body: club({ participants, viewerIsCoordinator: true }) });
    renderApp('/clubs/club-1');

    expect(await screen.findByTestId('policy-link')).toHaveAttribute('href', '/clubs/club-1/pathway-policy');
    expect(screen.getByTestId('progress-link-Lotus Sangha')).toHaveAttribute('href', '/participations/p-4/progress');
    expect(screen.getByTestId('progress-link-Beth Shalom')).toHaveAttribute('href', '/participations/p-3/progress');
    expect(screen.queryByTestId('progress-link-Central Mosque')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sponsor-link-Lotus Sangha')).not.toBeInTheDocument();
  });

  it('shows a translated error and a retry button when the club cannot be loaded', async () => {
    api.on('GET /api/clubs/club-1', { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' } });
    renderApp('/clubs/club-1', { locale: 'ru' });

    expect(await screen.findByRole('alert')).toHaveTextContent('Не найдено — запись не существует или недоступна вам.');
    expect(screen.getByRole('button', { name: 'Повторить' })).toBeInTheDocument();
  });
});

describe("a club's name and description", () => {
  it.each([
    ['kk', 'Алматы конфессияаралық клубы', 'Ай сайынғы кездесулер.'],
    ['ru', 'Межрелигиозный клуб Алматы', 'Ежемесячные встречи.'],
    ['en', 'Almaty Multi-Faith Club', 'Monthly meetings on the social issues of the city.'],
  ] as const)('are printed in the reader’s language (%s)', async (locale, name, description) => {
    createFakeApi({ 'GET /api/auth/me': anonymous, 'GET /api/clubs/club-1': { body: club() } }).install();
    renderApp('/clubs/club-1', { locale });
    expect(await screen.findByRole('heading', { level: 1, name })).toBeInTheDocument();
    expect(screen.getByText(description)).toHaveClass('lead');
  });

  it('fall back to Russian, then to the English text, where a language is missing', async () => {
    const untranslated = club({ names: { kk: '', ru: 'Межрелигиозный клуб Алматы', en: 'Almaty Multi-Faith Club' }, descriptions: { kk: '', ru: '', en: '' } });
    createFakeApi({ 'GET /api/auth/me': anonymous, 'GET /api/clubs/club-1': { body: untranslated } }).install();
    renderApp('/clubs/club-1', { locale: 'kk' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Межрелигиозный клуб Алматы' })).toBeInTheDocument();
    expect(screen.getByText('Monthly meetings on the social issues of the city.')).toHaveClass('lead');
  });
});
