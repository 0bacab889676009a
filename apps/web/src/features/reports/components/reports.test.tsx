import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { official } from '../../reviews/test-fixtures';
import type { Dashboard, OpenData, ReportCell, ReportTable } from '../api/reports';

const exact = (value: number): ReportCell => ({ value, listed: null, fewerThan: null });
const fewer = (listed: number): ReportCell => ({ value: null, listed, fewerThan: 5 });
const withheld: ReportCell = { value: null, listed: 0, fewerThan: null };
const notShown: ReportCell = { value: null, listed: null, fewerThan: null };
const row = (kind: string, key: string, cells: ReportCell[], extra: object = {}) => ({ kind, key, label: null, cityName: null, date: null, href: null, cells, ...extra });
const table = (key: string, columns: string[], rows: ReturnType<typeof row>[]) => ({ key, columns, rows }) as unknown as ReportTable;

const ALMATY = { id: 'city-almaty', name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' } };
const SHYMKENT = { id: 'city-shymkent', name: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' } };

function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  const months = ['2026-11', '2026-12'];
  return {
    scope: 'national',
    threshold: 5,
    filters: { period: 'last-12-months', cityId: null, clubId: null, tradition: null },
    months,
    cities: [ALMATY, SHYMKENT],
    clubs: [
      { id: 'club-almaty', name: 'Almaty Multi-Faith Club', cityId: ALMATY.id },
      { id: 'club-shymkent', name: 'Shymkent Multi-Faith Club', cityId: SHYMKENT.id },
    ],
    tables: [
      table('stages', ['registered', 'not_registered', 'registration_pending', 'total'], [
        row('stage', 'observer', [exact(0), fewer(0), exact(0), fewer(0)]),
        row('stage', 'candidate', [exact(0), exact(1), exact(0), exact(1)], { href: '/official/candidacies' }),
        row('stage', 'member', [exact(9), exact(0), exact(0), exact(9)]),
        row('total', 'total', [exact(9), withheld, exact(0), { value: null, listed: 10, fewerThan: null }]),
      ]),
      table('funnel', ['communities'], [row('step', 'applied', [exact(6)])]),
      table('durations', ['communities', 'median', 'iqr'], [row('duration', 'observer', [notShown, notShown, notShown])]),
      table('decisions', ['count'], []),
      table('appeals', ['count'], [row('appeal', 'upheld', [exact(0)])]),
      table('concerns', ['communities'], [row('concern', 'open', [exact(0)])]),
      table('meetingsByMonth', ['meetings', 'attending', 'rate'], months.map((m) => row('month', m, [exact(1), exact(6), exact(83.3)]))),
      table('meetings', ['attending'], [row('meeting', 'meeting-1', [exact(6)], { label: 'Almaty Multi-Faith Club: Monthly meeting', date: '2026-11-19T13:00:00.000Z', href: '/meetings/meeting-1' })]),
      table('actionItems', ['open', 'overdue'], [row('items', 'items', [exact(1), exact(0)])]),
      table('projects', ['active', 'completed'], [row('projects', 'projects', [exact(1), exact(1)])]),
      table('partners', ['partners'], [row('project', 'project-1', [fewer(1)], { label: 'Winter coats', href: '/projects/project-1' })]),
      table('contributionsByMonth', ['volunteers', 'hours'], months.map((m) => row('month', m, [exact(0), exact(0)]))),
      table('overview', ['participants', 'observer', 'candidate', 'member', 'meetings', 'active', 'completed', 'hours'], [
        row('city', ALMATY.id, [fewer(5), fewer(0), exact(0), exact(5), exact(6), exact(1), exact(1), exact(0)], { cityName: ALMATY.name, href: `/cities/${ALMATY.id}` }),
        row('club', 'club-almaty', [fewer(5), fewer(0), exact(0), exact(5), exact(6), exact(1), exact(1), exact(0)], { label: 'Almaty Multi-Faith Club', href: '/clubs/club-almaty' }),
        row('total', 'total', [withheld, withheld, exact(1), exact(9), exact(6), exact(1), exact(1), exact(0)]),
      ]),
    ],
    generatedAt: '2026-12-03T09:00:00.000Z',
    ...overrides,
  } as Dashboard;
}

describe('reports dashboard', { timeout: 30_000 }, () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: official(null) },
      'GET /api/reports/dashboard': { body: dashboard() },
    });
    api.install();
  });

  it('is linked for officials and shows every table with its chart, hidden figures in words for screen readers', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByTestId('reports-link'));
    const stages = await screen.findByTestId('report-table-stages', {}, { timeout: 15_000 });
    expect(within(stages).getByRole('columnheader', { name: 'Not registered' })).toBeInTheDocument();
    const observer = within(stages).getByTestId('report-row-observer');
    expect(observer).toHaveTextContent('fewer than 5');
    expect(within(stages).getByTestId('report-row-total')).toHaveTextContent('10 + withheld');
    expect(within(stages).getByRole('link', { name: 'Candidate' })).toHaveAttribute('href', '/official/candidacies');
    // A chart beside its table, named, and pointing at the table.
    const chart = screen.getByTestId('chart-stages');
    expect(chart).toHaveAttribute('role', 'img');
    expect(chart).toHaveAttribute('aria-describedby', 'report-stages');
    expect(screen.getByTestId('report-table-durations')).toHaveTextContent('not shown');
    expect(screen.getByTestId('report-table-overview')).toHaveTextContent('Almaty Multi-Faith Club');
    expect(screen.getByTestId('report-heading')).toHaveTextContent('The whole country · Period: Last 12 months · City: All · Club: All · Tradition: All');
  });

  it('filters by city, club, tradition and period through the API, and the CSV links carry the same filters', async () => {
    const { user } = renderApp('/reports');
    await screen.findByTestId('report-table-stages', {}, { timeout: 15_000 });
    await user.selectOptions(screen.getByTestId('filter-city'), SHYMKENT.id);
    await waitFor(() => expect(api.calls.some((c) => c.path === '/api/reports/dashboard' && c.query.get('cityId') === SHYMKENT.id)).toBe(true));
    expect(within(screen.getByTestId('filter-club')).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'Shymkent Multi-Faith Club']);
    await user.selectOptions(screen.getByTestId('filter-tradition'), 'jehovahs_witnesses');
    await user.selectOptions(screen.getByTestId('filter-period'), String(new Date().getUTCFullYear()));
    await waitFor(() => {
      const last = api.callsTo('GET', '/api/reports/dashboard').at(-1)!;
      expect(Object.fromEntries(last.query)).toEqual({ cityId: SHYMKENT.id, tradition: 'jehovahs_witnesses', period: String(new Date().getUTCFullYear()) });
    });
    const csv = screen.getByTestId('csv-stages').getAttribute('href') as string;
    expect(Object.fromEntries(new URL(csv, 'http://x').searchParams)).toMatchObject({ cityId: SHYMKENT.id, tradition: 'jehovahs_witnesses', table: 'stages', lang: 'en' });
    expect(screen.getByTestId('report-heading')).toHaveTextContent('City: Shymkent');
    expect(screen.getByText('The tradition filter narrows counts of communities; meetings and projects are counted per club.')).toBeInTheDocument();
  });

  it('lists meetings one by one once a club is chosen, and says so before', async () => {
    renderApp('/reports');
    expect(await screen.findByTestId('meetings-one-club', {}, { timeout: 15_000 })).toHaveTextContent('Choose a club to see its meetings one by one');
    expect(screen.queryByTestId('report-table-meetings')).not.toBeInTheDocument();
  });

  it('shows the meetings table for a chosen club', async () => {
    renderApp('/reports?clubId=club-almaty');
    expect(await screen.findByTestId('report-table-meetings', {}, { timeout: 15_000 })).toHaveTextContent('Almaty Multi-Faith Club: Monthly meeting');
    expect(screen.queryByTestId('meetings-one-club')).not.toBeInTheDocument();
  });

  it('offers the club’s annual report once a club is chosen', async () => {
    renderApp('/reports?clubId=club-almaty&period=2025');
    expect(await screen.findByTestId('csv-annual', {}, { timeout: 15_000 })).toHaveAttribute('href', expect.stringContaining('/api/reports/clubs/club-almaty/annual.csv?year=2025&lang=en'));
  });

  it('is not offered to a representative', async () => {
    api.on('GET /api/auth/me', { body: representative() });
    renderApp('/reports');
    expect(await screen.findByText('This page is not available to your account.')).toBeInTheDocument();
    expect(screen.queryByTestId('reports-link')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/reports/dashboard')).toHaveLength(0);
  });

  it('speaks Kazakh and Russian', async () => {
    renderApp('/reports', { locale: 'ru' });
    const stages = await screen.findByTestId('report-table-stages', {}, { timeout: 15_000 });
    expect(stages).toHaveTextContent('Общины по этапам и статусу регистрации');
    expect(within(stages).getByTestId('report-row-observer')).toHaveTextContent('меньше 5');
  });
});

describe('open data page', { timeout: 30_000 }, () => {
  it('shows a city’s clubs and completed public projects to everyone, under the public rule', async () => {
    const openData: OpenData = {
      cityId: ALMATY.id,
      cityName: ALMATY.name,
      period: 'last-12-months',
      threshold: 10,
      clubs: table('overview', ['participants', 'meetings'], [row('club', 'club-almaty', [{ value: null, listed: 5, fewerThan: 10 }, exact(6)], { label: 'Almaty Multi-Faith Club', href: '/clubs/club-almaty' })]),
      projects: [
        {
          id: 'project-1',
          title: 'Winter coats',
          clubName: 'Almaty Multi-Faith Club',
          outcomeSummary: '140 coats reached the shelter.',
          outcomeFigures: [{ label: 'Coats delivered', value: 140 }],
          volunteers: { value: null, listed: null, fewerThan: 10 },
          hours: exact(64),
        },
      ],
    } as OpenData;
    const api = createFakeApi({ 'GET /api/auth/me': { status: 401, body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x' } }, [`GET /api/open-data/cities/${ALMATY.id}`]: { body: openData } });
    api.install();
    renderApp(`/cities/${ALMATY.id}/open-data`, { locale: 'kk' });
    expect(await screen.findByText('Ашық деректер: Алматы', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByTestId('report-row-club-almaty')).toHaveTextContent('5 + 10-ден аз');
    const project = screen.getByTestId('open-data-project');
    expect(project).toHaveTextContent('Coats delivered: 140');
    expect(project).toHaveTextContent('10-ден аз');
  });
});
