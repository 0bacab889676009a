import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportTable } from '../api/reports';
import { columnLabel, Figure, tCode, useRowLabel } from './report-figures';

/**
 * One report table: a real <table> with its caption (what a screen reader and a printout read),
 * each row linking to its list where the reader may see it, and the table's CSV beside it.
 */
export function ReportTableView({ table, csvHref, id }: { table: ReportTable; csvHref?: string; id?: string }) {
  const { t } = useTranslation();
  const rowLabel = useRowLabel();
  const fallbackId = useId();
  const title = tCode(t, `reports.tables.${table.key}`);
  return (
    <div className="report-table" id={id ?? fallbackId}>
      <table data-testid={`report-table-${table.key}`}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{tCode(t, `reports.labels.${table.key}`)}</th>
            {table.columns.map((column) => (
              <th scope="col" key={column}>
                {columnLabel(t, column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length + 1}>0</td>
            </tr>
          ) : (
            table.rows.map((row) => (
              <tr key={`${row.kind}-${row.key}`} className={`report-row-${row.kind}`} data-testid={`report-row-${row.key}`}>
                <th scope="row">{row.href ? <Link to={row.href}>{rowLabel(row)}</Link> : rowLabel(row)}</th>
                {row.cells.map((cell, i) => (
                  <td key={table.columns[i]}>
                    <Figure cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {csvHref && (
        <a className="button button-small button-secondary report-csv" href={csvHref} download data-testid={`csv-${table.key}`} aria-label={t('reports.downloadCsvOf', { table: title })}>
          {t('reports.downloadCsv')}
        </a>
      )}
    </div>
  );
}
