import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { useOpenData, type OpenData } from '../api/reports';
import { Figure } from './report-figures';
import { ReportTableView } from './report-table';
import './reports.css';

const currentYear = () => new Date(Date.now() + 5 * 3600_000).getUTCFullYear();

/** `/cities/:cityId/open-data`: what the city's clubs do, in figures, for everyone (public small-count rule). */
export default function OpenDataPage() {
  const { cityId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? 'last-12-months';
  const data = useOpenData(cityId, period);
  const { t } = useTranslation();
  return (
    <section className="reports">
      <QueryState query={data}>
        {(open) => <OpenDataView data={open} period={period} onPeriod={(p) => setParams(p === 'last-12-months' ? {} : { period: p }, { replace: true })} />}
      </QueryState>
      <p className="no-print">
        <Link to={`/cities/${cityId}`}>{t('reports.openData.backToCity')}</Link>
      </p>
    </section>
  );
}

function OpenDataView({ data, period, onPeriod }: { data: OpenData; period: string; onPeriod: (period: string) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <PageTitle>{t('reports.openData.title', { city: localized(data.cityName) })}</PageTitle>
      <p>{t('reports.openData.intro', { n: data.threshold })}</p>
      <div className="field report-filters no-print">
        <label htmlFor="open-data-period">{t('reports.filters.period')}</label>
        <select id="open-data-period" value={period} onChange={(e) => onPeriod(e.target.value)} data-testid="open-data-period">
          <option value="last-12-months">{t('reports.filters.last12')}</option>
          {[0, 1, 2].map((back) => (
            <option key={back} value={String(currentYear() - back)}>
              {currentYear() - back}
            </option>
          ))}
        </select>
      </div>
      <p className="field-hint">{t('reports.legend', { n: data.threshold })}</p>
      <h2>{t('reports.openData.clubsTitle')}</h2>
      <ReportTableView table={data.clubs} />
      <h2>{t('reports.openData.projectsTitle')}</h2>
      {data.projects.length === 0 ? (
        <p className="empty">{t('reports.openData.noProjects')}</p>
      ) : (
        <ul className="card-list">
          {data.projects.map((project) => (
            <li key={project.id} className="card" data-testid="open-data-project">
              <h3 className="card-title">
                <Link to={`/projects/${project.id}`}>{project.title}</Link>
              </h3>
              <p className="card-meta">{project.clubName}</p>
              {project.outcomeSummary && <p>{project.outcomeSummary}</p>}
              {project.outcomeFigures.length > 0 && (
                <ul>
                  {project.outcomeFigures.map((figure) => (
                    <li key={figure.label}>
                      {figure.label}: {figure.value}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                {t('reports.columns.volunteers')}: <Figure cell={project.volunteers} /> · {t('reports.columns.hours')}: <Figure cell={project.hours} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
