import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TRADITIONS } from '@dastarkhan/domain';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { filterQuery, useDashboard, type Dashboard, type ReportFilters, type ReportTable, type ReportTableKey, type Tradition } from '../api/reports';
import { BarChart, LineChart, type ChartDatum } from './charts';
import { cellText, chartValue, tCode, useRowLabel } from './report-figures';
import { ReportTableView } from './report-table';
import './reports.css';

const currentYear = () => new Date(Date.now() + 5 * 3600_000).getUTCFullYear();

function useFilters(): [ReportFilters, (next: Partial<ReportFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ReportFilters = {
    period: params.get('period') ?? 'last-12-months',
    cityId: params.get('cityId') ?? undefined,
    clubId: params.get('clubId') ?? undefined,
    tradition: (params.get('tradition') as Tradition | null) ?? undefined,
  };
  // The router applies a change as a transition: a second change before it renders must build on
  // the first, not on this render's (stale) parameters.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const update = (next: Partial<ReportFilters>) => {
    const query = new URLSearchParams(pending.current ?? params);
    for (const [key, value] of Object.entries(next)) {
      if (value && !(key === 'period' && value === 'last-12-months')) query.set(key, value);
      else query.delete(key);
    }
    pending.current = query;
    setParams(query, { replace: true });
  };
  return [filters, update];
}

/** `/reports`: the dashboard of an official's area, the whole country, or a coordinator's clubs. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useFilters();
  const dashboard = useDashboard(filters);
  return (
    <section className="reports" aria-busy={dashboard.isFetching}>
      <PageTitle>{t('reports.title')}</PageTitle>
      <QueryState query={dashboard}>{(data) => <DashboardView data={data} filters={filters} setFilters={setFilters} />}</QueryState>
    </section>
  );
}

function DashboardView({ data, filters, setFilters }: { data: Dashboard; filters: ReportFilters; setFilters: (next: Partial<ReportFilters>) => void }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const lang = i18n.language;
  const table = (key: ReportTableKey) => data.tables.find((tb) => tb.key === key) as ReportTable;
  const csv = (key: ReportTableKey) => `/api/reports/dashboard.csv?${filterQuery(filters, { table: key, lang })}`;
  const year = filters.period === 'last-12-months' ? currentYear() : Number(filters.period);
  const cityName = data.cities.find((c) => c.id === filters.cityId);
  const clubName = data.clubs.find((c) => c.id === filters.clubId)?.name;
  const periodText = filters.period === 'last-12-months' ? t('reports.filters.last12') : filters.period;
  const clubs = data.clubs.filter((club) => !filters.cityId || club.cityId === filters.cityId);
  const show = (key: ReportTableKey, chart?: 'bar' | 'line', chartColumn = 0) => (
    <TableWithChart table={table(key)} csvHref={csv(key)} chart={chart} column={chartColumn} />
  );

  return (
    <>
      <p className="report-intro no-print">{data.threshold === 1 ? t('reports.introCoordinator') : t('reports.intro', { n: data.threshold })}</p>
      <p className="report-heading" data-testid="report-heading">
        <strong>{tCode(t, `reports.scope.${data.scope}`)}</strong> ·{' '}
        {t('reports.heading', {
          period: periodText,
          city: cityName ? localized(cityName.name) : t('reports.filters.all'),
          club: clubName ?? t('reports.filters.all'),
          tradition: filters.tradition ? tCode(t, `tradition.${filters.tradition}`) : t('reports.filters.all'),
        })}
        <span className="report-generated"> · {t('reports.generatedAt', { date: formatDateTime(data.generatedAt, lang) })}</span>
      </p>

      <form className="report-filters no-print" aria-label={t('reports.filters.legend')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="report-period">{t('reports.filters.period')}</label>
          <select id="report-period" data-testid="filter-period" value={filters.period} onChange={(e) => setFilters({ period: e.target.value })}>
            <option value="last-12-months">{t('reports.filters.last12')}</option>
            {[0, 1, 2].map((back) => (
              <option key={back} value={String(currentYear() - back)}>
                {currentYear() - back}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-city">{t('reports.filters.city')}</label>
          <select id="report-city" data-testid="filter-city" value={filters.cityId ?? ''} onChange={(e) => setFilters({ cityId: e.target.value || undefined, clubId: undefined })}>
            <option value="">{t('reports.filters.all')}</option>
            {data.cities.map((city) => (
              <option key={city.id} value={city.id}>
                {localized(city.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-club">{t('reports.filters.club')}</label>
          <select id="report-club" data-testid="filter-club" value={filters.clubId ?? ''} onChange={(e) => setFilters({ clubId: e.target.value || undefined })}>
            <option value="">{t('reports.filters.all')}</option>
            {clubs.map((club) => (
              <option key={club.id} value={club.id}>
                {club.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="report-tradition">{t('reports.filters.tradition')}</label>
          <select id="report-tradition" data-testid="filter-tradition" value={filters.tradition ?? ''} onChange={(e) => setFilters({ tradition: (e.target.value || undefined) as Tradition | undefined })}>
            <option value="">{t('reports.filters.all')}</option>
            {TRADITIONS.map((tradition) => (
              <option key={tradition} value={tradition}>
                {tCode(t, `tradition.${tradition}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div className="report-actions no-print">
        <button type="button" className="button button-small" onClick={() => window.print()} data-testid="report-print">
          {t('reports.print')}
        </button>
        <a className="button button-small button-secondary" href={`/api/reports/attendance.csv?${filterQuery(filters, { lang })}`} download data-testid="csv-attendance">
          {t('reports.attendanceCsv')}
        </a>
        {filters.clubId && (
          <a className="button button-small button-secondary" href={`/api/reports/clubs/${filters.clubId}/annual.csv?${filterQuery({ period: '' }, { year: String(year), lang })}`} download data-testid="csv-annual">
            {t('reports.annualCsv', { year })}
          </a>
        )}
      </div>
      <p className="field-hint">{t('reports.legend', { n: data.threshold })}</p>
      {filters.tradition && <p className="field-hint">{t('reports.traditionNote')}</p>}

      <section aria-labelledby="report-participation" className="report-section">
        <h2 id="report-participation">{t('reports.sections.participation')}</h2>
        {show('stages', 'bar', 3)}
        {show('funnel', 'bar')}
        {show('durations')}
        <div className="report-grid">
          {show('decisions')}
          {show('appeals')}
          {show('concerns')}
        </div>
      </section>

      <section aria-labelledby="report-meetings" className="report-section">
        <h2 id="report-meetings">{t('reports.sections.meetings')}</h2>
        {show('meetingsByMonth', 'bar')}
        <RateChart table={table('meetingsByMonth')} />
        {/* The API lists meetings one by one only for a single club (at national scale: every meeting in the country). */}
        {!filters.clubId && clubs.length > 1 ? (
          <p className="field-hint" data-testid="meetings-one-club">
            {t('reports.meetingsOneClub')}
          </p>
        ) : (
          show('meetings')
        )}
        {show('actionItems')}
      </section>

      <section aria-labelledby="report-projects" className="report-section">
        <h2 id="report-projects">{t('reports.sections.projects')}</h2>
        {show('projects')}
        {show('partners')}
        {show('contributionsByMonth', 'bar', 1)}
      </section>

      <section aria-labelledby="report-overview" className="report-section">
        <h2 id="report-overview">{t('reports.sections.overview')}</h2>
        <TableWithChart table={table('overview')} csvHref={csv('overview')} chart="bar" column={0} rowKinds={['city']} />
      </section>
    </>
  );
}

function useChartData(table: ReportTable, column: number, rowKinds?: string[]): ChartDatum[] {
  const { i18n } = useTranslation();
  const rowLabel = useRowLabel();
  return table.rows
    .filter((row) => (rowKinds ? rowKinds.includes(row.kind) : row.kind !== 'total'))
    .map((row) => ({ label: rowLabel(row), value: chartValue(row.cells[column]), text: cellText(row.cells[column], i18n.language), partial: row.cells[column].value === null }));
}

function TableWithChart({ table, csvHref, chart, column, rowKinds }: { table: ReportTable; csvHref: string; chart?: 'bar' | 'line'; column: number; rowKinds?: string[] }) {
  const { t } = useTranslation();
  const data = useChartData(table, column, rowKinds);
  const tableId = `report-${table.key}`;
  const title = tCode(t, `reports.tables.${table.key}`);
  return (
    <div className="report-block">
      {chart && data.length > 0 && (
        <figure className="report-chart">
          <BarChart data={data} label={t('reports.chartOf', { title })} tableId={tableId} testId={`chart-${table.key}`} />
        </figure>
      )}
      <ReportTableView table={table} csvHref={csvHref} id={tableId} />
    </div>
  );
}

function RateChart({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const data = useChartData(table, 2);
  return (
    <figure className="report-chart">
      <LineChart data={data} max={100} label={t('reports.chartOf', { title: t('reports.columns.rate') })} tableId="report-meetingsByMonth" testId="chart-rate" />
    </figure>
  );
}
