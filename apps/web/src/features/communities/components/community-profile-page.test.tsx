import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, community, communityRef, coordinator, participationSummary } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe("an applicant's transparency profile", () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/clubs/club-1': { body: club({ viewerIsCoordinator: true }) },
      'GET /api/clubs/club-1/participations': {
        body: [participationSummary({ id: 'part-grace', community: communityRef({ id: 'com-grace', name: 'Grace Church' }) })],
      },
      'GET /api/communities/com-grace': {
        body: community({ leaders: 'Pastor Daniyar', meetingPlace: 'A rented hall on Abay Avenue', approximateSize: 40, activities: 'Sunday worship, a food bank' }),
      },
    });
    api.install();
  });

  it('opens from the application the coordinator is deciding on', async () => {
    const { user } = renderApp('/clubs/club-1/applications');

    await user.click(within(await screen.findByTestId('application-Grace Church')).getByTestId('applicant-profile'));

    const profile = await screen.findByTestId('transparency-profile');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Grace Church');
    expect(profile).toHaveTextContent('Pastor Daniyar');
    expect(profile).toHaveTextContent('A rented hall on Abay Avenue');
    expect(profile).toHaveTextContent('40');
    expect(profile).toHaveTextContent('Sunday worship, a food bank');
  });

  it('says "not given" in Kazakh for what the community left empty or the reader may not see', async () => {
    api.on('GET /api/communities/com-grace', { body: community() });
    renderApp('/communities/com-grace', { locale: 'kk' });

    expect(await screen.findByTestId('profile-leaders')).toHaveTextContent('Көрсетілмеген');
  });

  it('is not found when the community is hidden from the reader', async () => {
    api.on('GET /api/communities/com-hidden', apiError(404, 'NOT_FOUND'));
    renderApp('/communities/com-hidden');

    expect(await screen.findByText(/Not found/)).toBeInTheDocument();
    expect(screen.queryByTestId('transparency-profile')).not.toBeInTheDocument();
  });
});
