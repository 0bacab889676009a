import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth } from '../../../lib/format';
import type { ReportCell, ReportRow } from '../api/reports';

/** A translation looked up by a code the API sends (columns, row keys). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const tCode = (t: TFunction, key: string, options?: Record<string, unknown>): string => (t as any)(key, options) as string;

const REGISTRATION = ['registered', 'not_registered', 'registration_pending'];
const STATUS = ['applied', 'observer', 'candidate', 'member', 'suspended', 'withdrawn'];

export function columnLabel(t: TFunction, column: string): string {
  if (REGISTRATION.includes(column)) return tCode(t, `registration.${column}`);
  if (STATUS.includes(column)) return tCode(t, `status.${column}`);
  return tCode(t, `reports.columns.${column}`);
}

export function useRowLabel(): (row: ReportRow) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as 'kk' | 'ru' | 'en';
  return (row) => {
    switch (row.kind) {
      case 'stage':
        return tCode(t, `status.${row.key}`);
      case 'step':
        return tCode(t, `reports.steps.${row.key}`);
      case 'duration':
        return tCode(t, `reports.durations.${row.key}`);
      case 'decision': {
        const [outcome, reason] = row.key.split(':');
        return `${tCode(t, `decisions.outcomePast.${outcome}`)} — ${tCode(t, `decisions.reasonCode.${reason}`)}`;
      }
      case 'appeal':
        return tCode(t, `reports.appeals.${row.key}`);
      case 'concern':
        return tCode(t, `reports.concerns.${row.key}`);
      case 'month':
        return formatMonth(row.key, locale);
      case 'meeting':
        return `${row.date ? formatDate(row.date, locale) : ''} · ${row.label ?? t('reports.rows.meeting')}`;
      case 'items':
        return t('reports.rows.items');
      case 'projects':
        return t('reports.rows.projects');
      case 'total':
        return t('reports.rows.total');
      case 'city':
        return row.cityName?.[locale] ?? row.key;
      default:
        return row.label ?? row.key;
    }
  };
}

/** The number a chart draws for a cell: the value, else the part it may show (listed), else 0. */
export const chartValue = (cell: ReportCell | undefined): number => cell?.value ?? cell?.listed ?? 0;

/** A cell as plain text (charts' labels, titles). */
export function cellText(cell: ReportCell, locale: string): string {
  if (cell.value !== null) return cell.value.toLocaleString(locale);
  if (cell.listed === null && cell.fewerThan === null) return '—';
  const hidden = cell.fewerThan !== null ? `<${cell.fewerThan}` : '•';
  return cell.listed ? `${cell.listed.toLocaleString(locale)} + ${hidden}` : hidden;
}

/** A cell in a table: what it shows, with the full words for screen readers and a tooltip. */
export function Figure({ cell }: { cell: ReportCell }) {
  const { t, i18n } = useTranslation();
  if (cell.value !== null) return <>{cell.value.toLocaleString(i18n.language)}</>;
  const words =
    cell.listed === null && cell.fewerThan === null
      ? t('reports.notShownShort')
      : `${cell.listed ? `${cell.listed} + ` : ''}${cell.fewerThan !== null ? t('reports.cells.fewerThan', { n: cell.fewerThan }) : t('reports.withheldShort')}`;
  return (
    <span className="figure-hidden" title={words} data-testid="hidden-figure">
      <span aria-hidden="true">{cellText(cell, i18n.language)}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
