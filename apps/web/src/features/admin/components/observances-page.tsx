import { TRADITIONS, type Tradition } from '@dastarkhan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { WEEKDAY_KEYS } from '../../meetings/components/meeting-form';
import type { LocalizedText } from '../api/admin';
import { useCreateObservance, useDeleteObservance, useObservances, useUpdateObservance, type WeeklyObservance } from '../api/observances';
import { AdminNav } from './admin-nav';
import { emptyText, LocalizedFields, trimText, validateText } from './localized-fields';

/** ISO weekdays, Monday first as in Kazakhstan. */
const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const weekdayKey = (isoWeekday: number) => WEEKDAY_KEYS[isoWeekday % 7];
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

interface Values {
  code: string;
  tradition: Tradition;
  weekday: number;
  startTime: string;
  endWeekday: number;
  endTime: string;
  name: LocalizedText;
}

const EMPTY: Values = { code: '', tradition: 'sunni_islam', weekday: 5, startTime: '12:00', endWeekday: 5, endTime: '14:00', name: emptyText };

export function ObservancesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const observances = useObservances();
  const [editing, setEditing] = useState<WeeklyObservance | null>(null);
  const day = (isoWeekday: number) => t(`meetings.weekdays.${weekdayKey(isoWeekday)}`);

  return (
    <section>
      <AdminNav />
      <PageTitle>{t('observances.title')}</PageTitle>
      <p className="lead">{t('observances.intro')}</p>
      <ObservanceForm key={editing?.id ?? 'new'} observance={editing} onDone={() => setEditing(null)} />
      <QueryState query={observances}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('observances.empty')}</p>
          ) : (
            <ul className="plain-list admin-list">
              {list.map((observance) => (
                <li key={observance.id} className="card admin-row" data-testid={`observance-${observance.tradition}-${observance.code}`}>
                  <div className="admin-row-head">
                    <span className="participant-name">{localized(observance.name)}</span>
                    <span className="card-meta">
                      {t('observances.window', {
                        startDay: day(observance.weekday),
                        startTime: observance.startTime,
                        endDay: day(observance.endWeekday),
                        endTime: observance.endTime,
                      })}
                    </span>
                    <span className="participant-tradition">{t(`tradition.${observance.tradition}`)}</span>
                  </div>
                  <ObservanceActions observance={observance} onEdit={() => setEditing(observance)} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function ObservanceActions({ observance, onEdit }: { observance: WeeklyObservance; onEdit: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteObservance();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="actions">
        <button type="button" className="button button-small button-secondary" onClick={onEdit}>
          {t('admin.edit')}
        </button>
        <button
          type="button"
          className={confirming ? 'button button-small button-danger' : 'button button-small button-danger-outline'}
          onClick={() => (confirming ? remove.mutate(observance.id) : setConfirming(true))}
          disabled={remove.isPending}
          data-testid="observance-delete"
        >
          {confirming ? t('observances.confirmDelete') : t('observances.delete')}
        </button>
      </div>
      {remove.error && <ErrorMessage error={remove.error} />}
    </>
  );
}

function ObservanceForm({ observance, onDone }: { observance: WeeklyObservance | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateObservance();
  const update = useUpdateObservance();
  const [values, setValues] = useState<Values>(() => (observance ? { ...observance } : EMPTY));
  const [errors, setErrors] = useState<{ code?: string; endTime?: string; name?: Partial<Record<keyof LocalizedText, string>> }>({});
  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues({ ...values, [field]: value });
  const mutation = observance ? update : create;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const sameDay = values.endWeekday === values.weekday;
    const found = {
      code: /^[a-z][a-z0-9_]*$/.test(values.code.trim()) ? undefined : t('fieldErrors.snake_case'),
      endTime:
        values.endWeekday < values.weekday || (sameDay && minutes(values.endTime) <= minutes(values.startTime)) ? t('observances.endsBeforeStart') : undefined,
      name: validateText(values.name, t('fieldErrors.required')),
    };
    setErrors(found);
    if (found.code || found.endTime || Object.keys(found.name).length) return;
    const body = {
      code: values.code.trim(),
      tradition: values.tradition,
      weekday: values.weekday,
      startTime: values.startTime,
      endWeekday: values.endWeekday,
      endTime: values.endTime,
      name: trimText(values.name),
    };
    const done = {
      onSuccess: () => {
        setValues(EMPTY);
        onDone();
      },
    };
    if (observance) update.mutate({ id: observance.id, version: observance.version, ...body }, done);
    else create.mutate(body, done);
  };

  const weekdaySelect = (field: 'weekday' | 'endWeekday', testId: string) => (
    <select value={values[field]} onChange={(e) => set(field, Number(e.target.value))} data-testid={testId}>
      {ISO_WEEKDAYS.map((weekday) => (
        <option key={weekday} value={weekday}>
          {t(`meetings.weekdays.${weekdayKey(weekday)}`)}
        </option>
      ))}
    </select>
  );

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="observance-form">
      <h2 id="observance-form">{observance ? t('observances.edit') : t('observances.add')}</h2>
      <div className="field-row">
        <FormField label={t('observances.code')} hint={t('admin.topics.codeHint')} error={errors.code}>
          <input value={values.code} onChange={(e) => set('code', e.target.value)} data-testid="observance-code" />
        </FormField>
        <FormField label={t('observances.tradition')}>
          <select value={values.tradition} onChange={(e) => set('tradition', e.target.value as Tradition)} data-testid="observance-tradition">
            {TRADITIONS.map((tradition) => (
              <option key={tradition} value={tradition}>
                {t(`tradition.${tradition}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="field-row">
        <FormField label={t('observances.startsOn')}>{weekdaySelect('weekday', 'observance-weekday')}</FormField>
        <FormField label={t('observances.startTime')}>
          <input type="time" value={values.startTime} onChange={(e) => set('startTime', e.target.value)} data-testid="observance-start" />
        </FormField>
      </div>
      <div className="field-row">
        <FormField label={t('observances.endsOn')}>{weekdaySelect('endWeekday', 'observance-end-weekday')}</FormField>
        <FormField label={t('observances.endTime')} error={errors.endTime}>
          <input type="time" value={values.endTime} onChange={(e) => set('endTime', e.target.value)} data-testid="observance-end" />
        </FormField>
      </div>
      <LocalizedFields value={values.name} onChange={(name) => set('name', name)} errors={errors.name} />
      {mutation.error && <ErrorMessage error={mutation.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={mutation.isPending} data-testid="observance-save">
          {observance ? t('common.save') : t('observances.addButton')}
        </button>
        {observance && (
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
