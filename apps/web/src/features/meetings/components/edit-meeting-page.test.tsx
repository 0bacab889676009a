import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, communityRef, coordinator, meeting, youthTopic } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('editing a meeting', () => {
  let api: FakeApi;

  beforeEach(() => {
    const series = meeting({ viewerIsCoordinator: true, seriesId: 'series-1', version: 4 });
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/meetings/meeting-1': { body: series },
      'GET /api/clubs/club-1': { body: club({ viewerIsCoordinator: true }) },
      'GET /api/topics': { body: [youthTopic] },
      'PATCH /api/meetings/meeting-1': { body: [series] },
    });
    api.install();
  });

  it('changes the whole series from this meeting on, with the version it was loaded at', async () => {
    const { user } = renderApp('/meetings/meeting-1/edit', { locale: 'ru' });

    const title = await screen.findByLabelText('Название');
    expect(title).toHaveValue('December meeting');
    expect(screen.getByLabelText('Начало')).toHaveValue('18:00');
    expect(screen.queryByLabelText('Повтор')).not.toBeInTheDocument();
    await user.clear(title);
    await user.type(title, 'Встреча клуба');
    await user.selectOptions(screen.getByLabelText('Формат'), 'online');
    await user.type(screen.getByLabelText('Ссылка на онлайн-встречу'), 'https://meet.example.kz/club');
    await user.click(screen.getByLabelText('Этой и всем следующим встречам серии'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));

    await screen.findByRole('heading', { level: 1, name: 'December meeting' });
    expect(api.callsTo('PATCH', '/api/meetings/meeting-1')[0].body).toMatchObject({
      scope: 'series',
      version: 4,
      title: 'Встреча клуба',
      startsAt: '2026-12-01T13:00:00.000Z',
      endsAt: '2026-12-01T15:00:00.000Z',
      format: 'online',
      onlineLink: 'https://meet.example.kz/club',
      venue: null,
      venueCommunityId: null,
      topicIds: ['topic-youth'],
      agenda: [{ title: 'Youth summer camp', presenter: 'Aigerim' }],
    });
  });

  it('keeps a presenting community picked from the club, sent by id', async () => {
    const mosque = communityRef({ id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam' });
    api.on('GET /api/clubs/club-1', { body: club({ viewerIsCoordinator: true, participants: [{ participationId: 'p-1', status: 'member', community: mosque }] }) });
    api.on('GET /api/meetings/meeting-1', {
      body: meeting({
        viewerIsCoordinator: true,
        agenda: [{ id: 'a-1', position: 1, title: 'Ramadan in the city', presenter: '', presenterCommunity: mosque, presenterIsCommunity: true }],
      }),
    });
    const { user } = renderApp('/meetings/meeting-1/edit');

    expect(await screen.findByTestId('agenda-presenter-community-1')).toHaveValue('com-mosque');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { level: 1, name: 'December meeting' });
    expect(api.callsTo('PATCH', '/api/meetings/meeting-1')[0].body).toMatchObject({ agenda: [{ title: 'Ramadan in the city', presenterCommunityId: 'com-mosque' }] });
  });
});
