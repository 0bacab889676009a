import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, participationSummary, radicalizationTopic, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const summary = (overrides: object) => ({
  id: 'meeting-1',
  clubId: 'club-1',
  title: 'December meeting',
  startsAt: '2026-12-01T13:00:00.000Z',
  endsAt: '2026-12-01T15:00:00.000Z',
  status: 'scheduled',
  visibility: 'club',
  format: 'in_person',
  venue: 'City Hall',
  topics: [radicalizationTopic],
  seriesId: null,
  ...overrides,
});

describe('club calendar', () => {
  let api: FakeApi;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-10T06:00:00.000Z'));
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/clubs/club-1': { body: club({ viewerParticipations: [participationSummary({ status: 'observer' })] }) },
      'GET /api/clubs/club-1/meetings': {
        body: [summary({}), summary({ id: 'meeting-2', title: 'Cancelled visit', startsAt: '2026-12-15T13:00:00.000Z', endsAt: '2026-12-15T14:00:00.000Z', status: 'cancelled' })],
      },
      'POST /api/clubs/club-1/calendar-token': { status: 201, body: { url: '/api/clubs/club-1/calendar.ics?token=secret' } },
    });
    api.install();
  });

  afterEach(() => vi.useRealTimers());

  it('opens on what is next, then the earlier meetings of this month, newest first, browsable month by month', async () => {
    api.on('GET /api/clubs/club-1/meetings', ({ query }) => ({
      body:
        query.get('from') === '2026-10-31T19:00:00.000Z'
          ? [summary({ id: 'meeting-nov', title: 'November meeting', startsAt: '2026-11-03T13:00:00.000Z', endsAt: '2026-11-03T15:00:00.000Z' })]
          : [summary({}), summary({ id: 'meeting-2', title: 'Cancelled visit', startsAt: '2026-12-15T13:00:00.000Z', endsAt: '2026-12-15T14:00:00.000Z', status: 'cancelled' })],
    }));
    const { user } = renderApp('/clubs/club-1/calendar', { locale: 'en' });

    const upcoming = await screen.findAllByTestId('list-meeting');
    expect(upcoming.map((item) => item.textContent)).toEqual([expect.stringContaining('Cancelled visit')]);
    expect(screen.getByTestId('past-month-title')).toHaveTextContent('Earlier meetings: December 2026');
    expect((await screen.findAllByTestId('past-meeting'))[0]).toHaveTextContent('December meeting');
    const calls = api.callsTo('GET', '/api/clubs/club-1/meetings').map((call) => call.query.get('from'));
    expect(calls).toEqual(expect.arrayContaining(['2026-12-10T06:00:00.000Z', '2026-11-30T19:00:00.000Z']));
    expect(screen.getByRole('button', { name: 'Later month' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Earlier month' }));
    expect(await screen.findByTestId('past-month-title')).toHaveTextContent('Earlier meetings: November 2026');
    await screen.findByText('November meeting');
  });

  it('shows the month in Almaty time, today highlighted and a cancelled meeting struck through', async () => {
    renderApp('/clubs/club-1/calendar?view=month', { locale: 'kk' });

    expect(await screen.findByTestId('month-title')).toHaveTextContent('2026 ж. желтоқсан');
    const today = await screen.findByTestId('day-2026-12-10');
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(within(screen.getByTestId('day-2026-12-01')).getByRole('link', { name: /18:00 December meeting/ })).toHaveAttribute('href', '/meetings/meeting-1');
    const cancelled = within(screen.getByTestId('day-2026-12-15')).getByTestId('calendar-meeting');
    expect(cancelled).toHaveClass('cancelled');
    expect(cancelled).toHaveTextContent('Тоқтатылды');
    const query = api.callsTo('GET', '/api/clubs/club-1/meetings').at(-1)!.query;
    // The grid runs Monday 30 November to Sunday 3 January, from Almaty midnight.
    expect(query.get('from')).toBe('2026-11-29T19:00:00.000Z');
    expect(query.get('to')).toBe('2027-01-03T19:00:00.000Z');
  });

  it('lists meetings with topic chips in the UI language and offers a private feed to participants', async () => {
    const { user } = renderApp('/clubs/club-1/calendar', { locale: 'ru' });

    await user.click(await screen.findByRole('button', { name: 'Список' }));
    const items = await screen.findAllByTestId('list-meeting');
    expect(items[0]).toHaveTextContent('Онлайн-радикализация');
    expect(screen.getByTestId('public-feed')).toHaveValue(`${window.location.origin}/api/clubs/club-1/calendar.ics`);

    await user.click(screen.getByRole('button', { name: 'Получить личную подписку' }));
    expect(await screen.findByTestId('private-feed')).toHaveValue(`${window.location.origin}/api/clubs/club-1/calendar.ics?token=secret`);
  });

  it('revokes the private feed addresses, so a leaked one stops working', async () => {
    api.on('DELETE /api/clubs/club-1/calendar-token', { status: 204 });
    const { user } = renderApp('/clubs/club-1/calendar');

    await user.click(await screen.findByRole('button', { name: 'Get my private feed' }));
    await screen.findByTestId('private-feed');
    await user.click(screen.getByTestId('revoke-private-feeds'));

    expect(await screen.findByRole('status')).toHaveTextContent('Your private feed addresses no longer work');
    expect(api.callsTo('DELETE', '/api/clubs/club-1/calendar-token')).toHaveLength(1);
    expect(screen.queryByTestId('private-feed')).not.toBeInTheDocument();
  });
});
