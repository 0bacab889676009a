import { TRADITIONS, type Tradition } from '@dastarkhan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { toAlmaty } from '../../../lib/almaty-time';
import { formatDate } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useCreateHoliday, useDeleteHoliday, useHolidays, useUpdateHoliday, type Holiday, type LocalizedText } from '../api/admin';
import { AdminNav } from './admin-nav';
import { emptyText, LocalizedFields, trimText, validateText } from './localized-fields';

interface HolidayValues {
  code: string;
  tradition: Tradition | '';
  date: string;
  days: string;
  name: LocalizedText;
}

const emptyHoliday = (year: number): HolidayValues => ({ code: '', tradition: '', date: `${year}-01-01`, days: '1', name: emptyText });

export function HolidaysPage() {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const [year, setYear] = useState(() => toAlmaty(new Date()).year);
  const holidays = useHolidays(year);
  const [editing, setEditing] = useState<Holiday | null>(null);

  return (
    <section>
      <AdminNav />
      <PageTitle>{t('admin.holidays.title')}</PageTitle>
      <p className="lead">{t('admin.holidays.intro')}</p>
      <div className="toolbar">
        <button type="button" className="button button-small button-secondary" onClick={() => setYear(year - 1)} aria-label={t('admin.holidays.previousYear')}>
          ←
        </button>
        <h2 className="month-title" data-testid="holiday-year">
          {year}
        </h2>
        <button type="button" className="button button-small button-secondary" onClick={() => setYear(year + 1)} aria-label={t('admin.holidays.nextYear')}>
          →
        </button>
      </div>
      <HolidayForm key={editing?.id ?? `new-${year}`} year={year} holiday={editing} onDone={() => setEditing(null)} />
      <QueryState query={holidays}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('admin.holidays.empty')}</p>
          ) : (
            <ul className="plain-list admin-list">
              {[...list]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((holiday) => (
                  <li key={holiday.id} className="card admin-row" data-testid={`holiday-${holiday.code}`}>
                    <div className="admin-row-head">
                      <span className="participant-name">{localized(holiday.name)}</span>
                      <span className="card-meta">
                        {formatDate(holiday.date, i18n.language)}
                        {holiday.days > 1 && ` · ${t('admin.holidays.daysCount', { count: holiday.days })}`}
                      </span>
                      <span className="participant-tradition">{holiday.tradition ? t(`tradition.${holiday.tradition}`) : t('admin.holidays.national')}</span>
                    </div>
                    <HolidayActions holiday={holiday} onEdit={() => setEditing(holiday)} />
                  </li>
                ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function HolidayActions({ holiday, onEdit }: { holiday: Holiday; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteHoliday();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="actions">
        <button type="button" className="button button-small button-secondary" onClick={onEdit}>
          {t('admin.edit')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button-small button-danger" onClick={() => remove.mutate(holiday.id)} disabled={remove.isPending} data-testid="holiday-confirm-delete">
              {t('admin.holidays.confirmDelete')}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-small button-danger-outline" onClick={() => setConfirming(true)} data-testid="holiday-delete">
            {t('admin.holidays.delete')}
          </button>
        )}
      </div>
      {remove.error && <ErrorMessage error={remove.error} />}
    </>
  );
}

function HolidayForm({ year, holiday, onDone }: { year: number; holiday: Holiday | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateHoliday();
  const update = useUpdateHoliday();
  const [values, setValues] = useState<HolidayValues>(() =>
    holiday
      ? { code: holiday.code, tradition: holiday.tradition ?? '', date: holiday.date, days: String(holiday.days), name: holiday.name }
      : emptyHoliday(year),
  );
  const [errors, setErrors] = useState<{ code?: string; date?: string; days?: string; name?: Partial<Record<keyof LocalizedText, string>> }>({});
  const set = <K extends keyof HolidayValues>(field: K, value: HolidayValues[K]) => setValues({ ...values, [field]: value });
  const mutation = holiday ? update : create;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const days = Number(values.days);
    const found = {
      code: /^[a-z][a-z0-9_]*$/.test(values.code.trim()) ? undefined : t('fieldErrors.snake_case'),
      date: values.date ? undefined : t('fieldErrors.required'),
      days: Number.isInteger(days) && days >= 1 && days <= 14 ? undefined : t('fieldErrors.days_range'),
      name: validateText(values.name, t('fieldErrors.required')),
    };
    setErrors(found);
    if (found.code || found.date || found.days || Object.keys(found.name).length) return;
    const body = { code: values.code.trim(), tradition: values.tradition || null, date: values.date, days, name: trimText(values.name) };
    const done = {
      onSuccess: () => {
        setValues(emptyHoliday(year));
        onDone();
      },
    };
    if (holiday) update.mutate({ id: holiday.id, version: holiday.version, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="holiday-form">
      <h2 id="holiday-form">{holiday ? t('admin.holidays.edit') : t('admin.holidays.add')}</h2>
      <div className="field-row">
        <FormField label={t('admin.holidays.code')} hint={t('admin.topics.codeHint')} error={errors.code}>
          <input value={values.code} onChange={(e) => set('code', e.target.value)} data-testid="holiday-code" />
        </FormField>
        <FormField label={t('admin.holidays.tradition')}>
          <select value={values.tradition} onChange={(e) => set('tradition', e.target.value as Tradition | '')}>
            <option value="">{t('admin.holidays.national')}</option>
            {TRADITIONS.map((tradition) => (
              <option key={tradition} value={tradition}>
                {t(`tradition.${tradition}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="field-row">
        <FormField label={t('admin.holidays.date')} error={errors.date}>
          <input type="date" value={values.date} onChange={(e) => set('date', e.target.value)} data-testid="holiday-date" />
        </FormField>
        <FormField label={t('admin.holidays.days')} error={errors.days}>
          <input type="number" min={1} max={14} inputMode="numeric" value={values.days} onChange={(e) => set('days', e.target.value)} />
        </FormField>
      </div>
      <LocalizedFields value={values.name} onChange={(name) => set('name', name)} errors={errors.name} />
      {mutation.error && <ErrorMessage error={mutation.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={mutation.isPending} data-testid="holiday-save">
          {holiday ? t('common.save') : t('admin.holidays.addButton')}
        </button>
        {holiday && (
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
