import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { community, participationSummary, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('my community page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/communities/mine': { body: [community({ leaders: 'Pastor Ivan' })] },
      'GET /api/communities/com-grace/participations': {
        body: [
          participationSummary({ id: 'part-1', status: 'observer', clubName: 'Almaty Multi-Faith Club' }),
          participationSummary({ id: 'part-2', status: 'declined', clubId: 'club-2', clubName: 'Astana Club' }),
        ],
      },
    });
    api.install();
  });

  it("lists the community's participations with their status and a link to each record", async () => {
    renderApp('/my-community');

    const list = await screen.findByRole('region', { name: 'Clubs' });
    const link = await within(list).findByRole('link', { name: 'Almaty Multi-Faith Club' });
    expect(link).toHaveAttribute('href', '/participations/part-1');
    const statuses = within(list).getAllByTestId('status-badge').map((badge) => badge.dataset.status);
    expect(statuses.sort()).toEqual(['declined', 'observer']);
    expect(within(list).getByRole('link', { name: 'Find a club to apply to' })).toHaveAttribute('href', '/cities');
  });

  it('lists the observers the community sponsors, linking to their progress', async () => {
    api.on('GET /api/communities/com-grace/sponsorships', {
      body: [
        {
          id: 'spon-1',
          participationId: 'part-lotus',
          clubId: 'club-1',
          clubName: 'Almaty Multi-Faith Club',
          observer: { id: 'com-lotus', name: 'Lotus Sangha', tradition: 'buddhism', registrationStatus: 'not_registered' },
          observerStatus: 'observer',
          sponsorCommunityId: 'com-grace',
          statement: 'We cleaned the river bank together.',
          createdAt: '2025-04-01T06:00:00.000Z',
          withdrawnAt: null,
        },
      ],
    });
    renderApp('/my-community');

    const section = await screen.findByRole('region', { name: 'Communities we sponsor' });
    expect(within(section).getByRole('link', { name: 'Lotus Sangha' })).toHaveAttribute('href', '/participations/part-lotus/progress?club=club-1');
    expect(section).toHaveTextContent('Sponsored on Apr 1, 2025');
  });

  it('saves the transparency profile and the consent for officials', async () => {
    api.on('PATCH /api/communities/com-grace', ({ body }) => ({
      body: community({ ...(body as object), officialConsentAt: '2025-04-01T06:00:00.000Z' }),
    }));
    const { user } = renderApp('/my-community');

    const meetingPlace = await screen.findByLabelText('Meeting place');
    expect(screen.getByLabelText('Leaders')).toHaveValue('Pastor Ivan');
    await user.type(meetingPlace, 'Abay Avenue 10');
    await user.type(screen.getByLabelText('Approximate size (people)'), '40');
    await user.click(screen.getByLabelText('Show our community publicly'));
    await user.click(screen.getByLabelText('We consent to officials seeing our participation record'));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.getByTestId('consent-date')).toHaveTextContent(/^Consent given on Apr 1, 2025$/);
    expect(api.callsTo('PATCH', '/api/communities/com-grace')[0].body).toMatchObject({
      name: 'Grace Church',
      leaders: 'Pastor Ivan',
      meetingPlace: 'Abay Avenue 10',
      approximateSize: 40,
      isPublic: true,
      officialConsent: true,
    });
  });
});
