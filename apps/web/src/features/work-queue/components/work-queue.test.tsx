import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { coordinator, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import type { WorkItem } from '../api/work-queue';

const club = { id: 'club-1', name: 'Almaty Multi-Faith Club' };
const grace = { id: 'com-grace', name: 'Grace Church', tradition: 'evangelical_protestant' as const, registrationStatus: 'not_registered' as const };
const item = (overrides: Partial<WorkItem>): WorkItem => ({
  kind: 'application',
  id: 'part-1',
  targetId: 'part-1',
  club,
  community: grace,
  title: null,
  since: '2026-11-20T06:00:00.000Z',
  dueOn: null,
  overdue: false,
  ...overrides,
});

const QUEUE: WorkItem[] = [
  item({ id: 'part-old', targetId: 'part-old', since: '2025-10-01T06:00:00.000Z', overdue: true }),
  item({ kind: 'action_item', id: 'ai-1', targetId: 'meeting-1', community: null, title: 'Book the hall', dueOn: '2026-11-01', overdue: true }),
  item({ kind: 'candidacy', id: 'part-2', targetId: 'part-2', community: null }),
  item({ kind: 'project_proposed', id: 'pr-1', targetId: 'pr-1', title: 'Coats for winter' }),
  item({ kind: 'join_request', id: 'pp-1', targetId: 'pr-2', title: 'Riverbank clean-up' }),
  item({ kind: 'contribution', id: 'rev-1', targetId: 'pr-2', title: 'Riverbank clean-up' }),
  item({ kind: 'minutes', id: 'meeting-2', targetId: 'meeting-2', community: null, title: 'November meeting' }),
];

describe("a coordinator's To do", () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/work-queue/count': { body: { count: QUEUE.length, overdue: 2 } },
      'GET /api/work-queue': { body: QUEUE },
    });
    api.install();
  });

  it('shows its count beside the bell and opens the list, each line linking to where it is done', async () => {
    const { user } = renderApp('/');

    const link = await screen.findByTestId('todo-link');
    expect(await within(link).findByTestId('todo-count')).toHaveTextContent('7');
    expect(link).toHaveAccessibleName('To do: 7');
    await user.click(link);

    const rows = await screen.findAllByTestId('work-item');
    expect(rows.map((row) => row.getAttribute('data-kind'))).toEqual(QUEUE.map((entry) => entry.kind));
    const href = (index: number) => within(rows[index]).getAllByRole('link')[0].getAttribute('href');
    expect([0, 1, 2, 3, 4, 5, 6].map(href)).toEqual([
      '/clubs/club-1/applications',
      '/meetings/meeting-1',
      '/participations/part-2/progress',
      '/projects/pr-1',
      '/projects/pr-2',
      '/projects/pr-2',
      '/meetings/meeting-2/minutes',
    ]);
    expect(rows[0]).toHaveTextContent('Application to decide');
    expect(rows[0]).toHaveTextContent('Overdue');
    expect(rows[0]).toHaveTextContent('Grace Church');
    expect(rows[0]).toHaveTextContent('Almaty Multi-Faith Club · since Oct 1, 2025');
    expect(rows[1]).toHaveTextContent('Book the hall');
    expect(rows[1]).toHaveTextContent('due Nov 1, 2026');
    // The naming rule withheld the name: "a community", never a blank.
    expect(rows[2]).toHaveTextContent('A community');
    expect(rows[3]).toHaveTextContent('Grace Church · Coats for winter');
    expect(rows[6]).not.toHaveTextContent('community');
    expect(within(rows[6]).queryByText('Overdue')).not.toBeInTheDocument();
  });

  it('reads in Kazakh and says when nothing is waiting', async () => {
    api.on('GET /api/work-queue/count', { body: { count: 0, overdue: 0 } });
    api.on('GET /api/work-queue', { body: [] });
    renderApp('/to-do', { locale: 'kk' });

    expect(await screen.findByText('Сізді күтіп тұрған іс жоқ.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Істеу керек');
    expect(screen.getByTestId('todo-link')).toHaveAccessibleName('Істеу керек: 0');
    expect(screen.queryByTestId('todo-count')).not.toBeInTheDocument();
  });

  it('is not offered to a community representative, and the page is not theirs', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    renderApp('/to-do', { locale: 'ru' });

    expect(await screen.findByText('Эта страница недоступна для вашей учётной записи.')).toBeInTheDocument();
    expect(screen.queryByTestId('todo-link')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/work-queue')).toHaveLength(0);
    expect(api.callsTo('GET', '/api/work-queue/count')).toHaveLength(0);
  });
});
