import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { useClub } from '../../clubs/api/club';
import { useRosterImport, type RosterReport } from '../api/administration';
import { AdminError } from './reason-action';

/**
 * `/clubs/:clubId/roster`: a coordinator uploads the club's roster as CSV, sees a dry run per row,
 * then imports the valid rows (issue 12, item 5). The file is read in the browser and sent as text.
 */
export function RosterImportPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { clubId = '' } = useParams();
  const club = useClub(clubId);
  const run = useRosterImport();
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<RosterReport | null>(null);

  const send = (commit: boolean) => {
    if (csv === null) return;
    run.mutate({ clubId, csv, commit }, { onSuccess: setReport });
  };
  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };
  const onFile = async (file: File | undefined) => {
    setReport(null);
    run.reset();
    setCsv(file ? await readText(file) : null);
  };

  return (
    <section>
      <QueryState query={club}>{(c) => <PageTitle subtitle={t('administration.roster.intro')}>{t('administration.roster.title', { club: localized(c.names) })}</PageTitle>}</QueryState>
      <p>{t('administration.roster.registeredOnly')}</p>
      <form className="form card" onSubmit={onCheck} noValidate data-testid="roster-form">
        <FormField label={t('administration.roster.file')} hint={t('administration.roster.fileHint')}>
          <input type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="roster-file" />
        </FormField>
        <AdminError error={run.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={csv === null || run.isPending} data-testid="roster-check">
            {run.isPending && !report ? t('administration.roster.checking') : t('administration.roster.check')}
          </button>
        </div>
      </form>
      {report && <RosterReportTable report={report} />}
      {report && !report.committed && report.counts.new > 0 && (
        <div className="actions">
          {report.counts.error > 0 && <p className="field-hint">{t('administration.roster.fixHint')}</p>}
          <button type="button" className="button" disabled={run.isPending} onClick={() => send(true)} data-testid="roster-commit">
            {run.isPending ? t('administration.roster.committing') : t('administration.roster.commit', { count: report.counts.new })}
          </button>
        </div>
      )}
      {report?.committed && (
        <p role="status" className="alert alert-success" data-testid="roster-committed">
          {t('administration.roster.committed', { count: report.counts.new })}
        </p>
      )}
    </section>
  );
}

function RosterReportTable({ report }: { report: RosterReport }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{report.committed ? t('administration.roster.done') : t('administration.roster.report')}</h2>
      <p role="status" data-testid="roster-counts">
        {t('administration.roster.counts', { new: report.counts.new, matched: report.counts.matched, error: report.counts.error })}
      </p>
      <div className="table-scroll">
        <table className="table" data-testid="roster-report">
          <caption className="visually-hidden">{report.committed ? t('administration.roster.done') : t('administration.roster.report')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('administration.roster.line')}</th>
              <th scope="col">{t('administration.roster.name')}</th>
              <th scope="col">{t('administration.roster.number')}</th>
              <th scope="col">{t('administration.roster.outcome')}</th>
              <th scope="col">{t('administration.roster.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.line} data-testid={`roster-row-${row.line}`} data-outcome={row.outcome}>
                <td>{row.line}</td>
                <td>{row.name}</td>
                <td>{row.registrationNumber}</td>
                <td>{t(`administration.roster.outcomes.${row.outcome}`)}</td>
                <td>{row.reasons.map((reason) => t([`administration.roster.reasons.${reason}`, 'errors.generic'] as unknown as 'errors.generic')).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The file as text (UTF-8; a BOM, if any, is the API's to skip). FileReader: what every browser has. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}
