import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { community, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('civic record on my community page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/communities/mine': { body: [community()] },
      'GET /api/communities/com-grace/participations': { body: [] },
      'GET /api/communities/com-grace/civic-record': {
        body: {
          communityId: 'com-grace',
          projectCount: 2,
          volunteers: 37,
          hours: 102.5,
          entries: [
            {
              contributionId: 'c-1',
              projectId: 'p-1',
              projectTitle: 'Spring clean-up of the riverbank',
              category: 'cleanup',
              projectStatus: 'completed',
              clubId: 'club-1',
              clubName: 'Almaty Multi-Faith Club',
              role: 'lead',
              volunteers: 25,
              hours: 75,
              inKind: '200 bin bags',
              confirmedAt: '2026-04-20T10:00:00.000Z',
            },
            {
              contributionId: 'c-2',
              projectId: 'p-2',
              projectTitle: 'Iftar for the elderly',
              category: 'charity',
              projectStatus: 'active',
              clubId: 'club-1',
              clubName: 'Almaty Multi-Faith Club',
              role: 'partner',
              volunteers: 12,
              hours: 27.5,
              inKind: null,
              confirmedAt: '2026-05-02T10:00:00.000Z',
            },
          ],
        },
      },
    });
    api.install();
  });

  it('lists the confirmed contributions across projects with the totals, in the UI language', async () => {
    renderApp('/my-community', { locale: 'ru' });

    const record = await screen.findByRole('region', { name: 'Гражданский вклад' });
    expect(await within(record).findByTestId('civic-projects')).toHaveTextContent('2');
    expect(record).toHaveTextContent('102,5');
    const entries = within(record).getAllByTestId('civic-entry');
    // Newest confirmation first.
    expect(within(entries[0]).getByRole('link', { name: 'Iftar for the elderly' })).toHaveAttribute('href', '/projects/p-2');
    expect(entries[0]).toHaveTextContent('Благотворительная акция · Партнёр');
    expect(entries[1]).toHaveTextContent('Субботник · Ведущая');
    expect(entries[1]).toHaveTextContent('200 bin bags');
  });

  it('says so when nothing is confirmed yet', async () => {
    api.on('GET /api/communities/com-grace/civic-record', { body: { communityId: 'com-grace', projectCount: 0, volunteers: 0, hours: 0, entries: [] } });
    renderApp('/my-community', { locale: 'kk' });

    expect(await screen.findByText('Расталған үлес әзірге жоқ. Бастау үшін клубыңыздың жобасына қосылыңыз.')).toBeInTheDocument();
  });
});
