import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { communityRef, coordinator, meeting } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const grace = {
  communityId: 'com-grace',
  community: communityRef(),
  status: null,
  role: 'observer' as const,
  method: null,
  version: 0,
  updatedAt: null,
  recordable: true,
  whyNot: null,
};
const mosque = {
  communityId: 'com-mosque',
  community: communityRef({ id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' }),
  status: 'present' as const,
  role: 'member' as const,
  method: 'coordinator' as const,
  version: 2,
  updatedAt: '2026-12-01T13:05:00.000Z',
  recordable: true,
  whyNot: null,
};

describe('attendance page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/meetings/meeting-1': { body: meeting({ viewerIsCoordinator: true }) },
      'GET /api/meetings/meeting-1/attendance': { body: [grace, mosque] },
    });
    api.install();
  });

  it('records attendance with one tap and shows each community’s role', async () => {
    api.on('PUT /api/meetings/meeting-1/attendance/com-grace', ({ body }) => ({
      body: { ...grace, status: (body as { status: string }).status, method: 'coordinator', version: 1, updatedAt: '2026-12-01T13:10:00.000Z' },
    }));
    const { user } = renderApp('/meetings/meeting-1/attendance');

    const row = await screen.findByTestId('attendance-Grace Church');
    expect(within(row).getByTestId('attendance-role')).toHaveTextContent('Observer');
    expect(within(screen.getByTestId('attendance-Central Mosque')).getByTestId('attendance-role')).toHaveTextContent('Member');
    expect(within(screen.getByTestId('attendance-Central Mosque')).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(row).getByRole('button', { name: 'Present' }));

    expect(within(row).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
    expect(api.callsTo('PUT', '/api/meetings/meeting-1/attendance/com-grace')[0].body).toEqual({ status: 'present' });
    expect(await screen.findByText('Present: 2 of 2')).toBeInTheDocument();
  });

  it('sends the version the coordinator saw when changing a recorded status', async () => {
    api.on('PUT /api/meetings/meeting-1/attendance/com-mosque', { body: { ...mosque, status: 'excused', version: 3 } });
    const { user } = renderApp('/meetings/meeting-1/attendance');

    const row = await screen.findByTestId('attendance-Central Mosque');
    await user.click(within(row).getByRole('button', { name: 'Excused' }));

    expect(api.callsTo('PUT', '/api/meetings/meeting-1/attendance/com-mosque')[0].body).toEqual({ status: 'excused', version: 2 });
    expect(within(row).getByRole('button', { name: 'Excused' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('on a stale version reloads the list and says so, in Russian', async () => {
    api.on('PUT /api/meetings/meeting-1/attendance/com-mosque', () => {
      api.on('GET /api/meetings/meeting-1/attendance', { body: [grace, { ...mosque, status: 'absent', version: 3 }] });
      return apiError(409, 'ATTENDANCE.STALE_VERSION');
    });
    const { user } = renderApp('/meetings/meeting-1/attendance', { locale: 'ru' });

    const row = await screen.findByTestId('attendance-Central Mosque');
    await user.click(within(row).getByRole('button', { name: 'Уважительная причина' }));

    expect(await screen.findByTestId('attendance-conflict')).toHaveTextContent('Кто-то другой уже изменил эту отметку.');
    await screen.findByText('Присутствуют: 0 из 2');
    expect(within(screen.getByTestId('attendance-Central Mosque')).getByRole('button', { name: 'Отсутствует' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('explains in Kazakh that attendance opens an hour before the start', async () => {
    api.on('PUT /api/meetings/meeting-1/attendance/com-grace', apiError(409, 'MEETING.NOT_STARTED'));
    const { user } = renderApp('/meetings/meeting-1/attendance', { locale: 'kk' });

    const row = await screen.findByTestId('attendance-Grace Church');
    await user.click(within(row).getByRole('button', { name: 'Қатысты' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Кездесу әлі басталған жоқ');
    expect(within(row).getByRole('button', { name: 'Қатысты' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('before the meeting every button is disabled and says why, in Russian, and nothing is sent', async () => {
    const closed = { recordable: false, whyNot: 'MEETING.NOT_STARTED' as const };
    api.on('GET /api/meetings/meeting-1/attendance', { body: [{ ...grace, ...closed }, { ...mosque, ...closed }] });
    const { user } = renderApp('/meetings/meeting-1/attendance', { locale: 'ru' });

    const row = await screen.findByTestId('attendance-Grace Church');
    const notice = screen.getByTestId('attendance-closed');
    expect(notice).toHaveTextContent('Посещаемость открывается за час до начала встречи.');
    for (const button of screen.getAllByRole('button', { name: /Присутствует|Отсутствует|Уважительная причина/ })) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription('Посещаемость открывается за час до начала встречи.');
    }
    await user.click(within(row).getByRole('button', { name: 'Присутствует' }));
    expect(api.callsTo('PUT', '/api/meetings/meeting-1/attendance/com-grace')).toHaveLength(0);
  });

  it('a community not on the roster of the meeting’s day cannot be marked; the others can', async () => {
    api.on('GET /api/meetings/meeting-1/attendance', { body: [{ ...grace, recordable: false, whyNot: 'ATTENDANCE.NOT_ON_ROSTER' }, mosque] });
    renderApp('/meetings/meeting-1/attendance');

    const row = await screen.findByTestId('attendance-Grace Church');
    expect(within(row).getByTestId('attendance-why-not')).toHaveTextContent('Not a participant of the club on the day of the meeting');
    expect(within(row).getByRole('button', { name: 'Present' })).toBeDisabled();
    expect(within(row).getByRole('button', { name: 'Present' })).toHaveAccessibleDescription(/Not a participant of the club/);
    expect(within(screen.getByTestId('attendance-Central Mosque')).getByRole('button', { name: 'Absent' })).toBeEnabled();
    expect(screen.queryByTestId('attendance-closed')).not.toBeInTheDocument();
  });

  it('links to the change history', async () => {
    api.on('GET /api/meetings/meeting-1/attendance/history', {
      body: [
        { id: 'e1', communityId: 'com-mosque', communityName: 'Central Mosque', fromStatus: null, toStatus: 'absent', role: 'member', method: 'coordinator', actorName: 'Bolat', at: '2026-12-01T13:01:00.000Z' },
        { id: 'e2', communityId: 'com-mosque', communityName: 'Central Mosque', fromStatus: 'absent', toStatus: 'present', role: 'member', method: 'coordinator', actorName: 'Bolat', at: '2026-12-01T13:05:00.000Z' },
        { id: 'e0', communityId: 'com-hidden', communityName: null, fromStatus: null, toStatus: 'present', role: 'observer', method: 'check_in', actorName: null, at: '2026-12-01T12:59:00.000Z' },
      ],
    });
    const { user } = renderApp('/meetings/meeting-1/attendance');

    await user.click(await screen.findByTestId('attendance-history-link'));

    const events = await screen.findAllByTestId('attendance-event');
    expect(events[0]).toHaveTextContent('Central Mosque: Absent → Present (Member)');
    expect(events[0]).toHaveTextContent('by Bolat');
    expect(events[2]).toHaveTextContent('A community: Present (Observer)');
    expect(events[2]).toHaveTextContent('by a community · checked in with the code');
  });
});
