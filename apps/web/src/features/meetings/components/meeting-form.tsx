import { PARTICIPANT_STATUSES } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../../components/error-message';
import { CommunityPicker } from '../../communities/components/community-picker';
import { FormField } from '../../../components/form-field';
import { almatyToUtc, firstWeekdayOfNextMonth, toAlmaty, weekdayOf } from '../../../lib/almaty-time';
import { formatDate } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import type { Club, Meeting, MeetingInput, Topic } from '../api/meetings';
import { buildRrule, REPEAT_KINDS, weekdayPosition, type RepeatKind } from './recurrence';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const FORMATS = ['in_person', 'online', 'hybrid'] as const;
const TUESDAY = 2;
export const MAX_OCCURRENCES = 60;

/** An agenda item: a community of the club presents (printed by the naming rule), or someone named in free text. */
export interface AgendaRow {
  key: number;
  title: string;
  presenterCommunityId: string;
  /** A guest or an official; never a community's name (docs/domain.md, P10). */
  presenter: string;
}

export interface MeetingFormValues {
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  format: MeetingInput['format'];
  onlineLink: string;
  venueKind: 'text' | 'community';
  venue: string;
  venueCommunityId: string;
  visibility: MeetingInput['visibility'];
  topicIds: string[];
  agenda: AgendaRow[];
  repeat: RepeatKind;
  /** The series ends after `count` meetings, or on the `until` date. */
  ends: 'count' | 'until';
  count: string;
  until: string;
  /** Dates of the series left out (Almaty YYYY-MM-DD). */
  skipDates: string[];
  /** The user picked the date/time themselves: choosing "monthly" leaves them alone. */
  dateTouched: boolean;
}

export type MeetingFormField =
  | 'title'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'onlineLink'
  | 'venue'
  | 'venueCommunityId'
  | 'count'
  | 'until'
  | 'skipDates'
  | 'agenda';
export type MeetingFormErrors = Partial<Record<MeetingFormField, string>> & {
  /** The API's refusals of an agenda item's presenter, by row key. */
  presenters?: Record<number, string>;
};

let agendaKey = 0;
export const agendaRow = (title = '', presenterCommunityId = '', presenter = ''): AgendaRow => ({
  key: ++agendaKey,
  title,
  presenterCommunityId,
  presenter,
});

/** Next month's first Tuesday, 18:00–20:00: the usual club evening, so planning takes seconds. */
export function defaultMeetingValues(now = new Date()): MeetingFormValues {
  return {
    title: '',
    description: '',
    date: firstWeekdayOfNextMonth(toAlmaty(now).date, TUESDAY),
    startTime: '18:00',
    endTime: '20:00',
    format: 'in_person',
    onlineLink: '',
    venueKind: 'text',
    venue: '',
    venueCommunityId: '',
    visibility: 'club',
    topicIds: [],
    agenda: [],
    repeat: 'none',
    ends: 'count',
    count: '6',
    until: '',
    skipDates: [],
    dateTouched: false,
  };
}

export function meetingValues(meeting: Meeting): MeetingFormValues {
  const start = toAlmaty(meeting.startsAt);
  return {
    ...defaultMeetingValues(),
    title: meeting.title,
    description: meeting.description ?? '',
    date: start.date,
    startTime: start.time,
    endTime: toAlmaty(meeting.endsAt).time,
    format: meeting.format,
    onlineLink: meeting.onlineLink ?? '',
    venueKind: meeting.venueCommunity ? 'community' : 'text',
    venue: meeting.venue ?? '',
    venueCommunityId: meeting.venueCommunity?.id ?? '',
    visibility: meeting.visibility,
    topicIds: meeting.topics.map((topic) => topic.id),
    agenda: [...meeting.agenda]
      .sort((a, b) => a.position - b.position)
      .map((item) => agendaRow(item.title, item.presenterCommunity?.id ?? '', item.presenter ?? '')),
    dateTouched: true,
  };
}

export function validateMeeting(values: MeetingFormValues): MeetingFormErrors {
  const errors: MeetingFormErrors = {};
  if (!values.title.trim()) errors.title = 'required';
  if (!values.date) errors.date = 'required';
  if (!values.startTime) errors.startTime = 'required';
  if (!values.endTime) errors.endTime = 'required';
  else if (values.startTime && values.endTime <= values.startTime) errors.endTime = 'end_before_start';
  if (values.format !== 'in_person') {
    if (!values.onlineLink.trim()) errors.onlineLink = 'required';
    else if (!/^https:\/\/\S+$/.test(values.onlineLink.trim())) errors.onlineLink = 'https_url';
  }
  // A meeting held somewhere needs a place: an address or a host community (the API checks it too).
  if (values.format !== 'online') {
    if (values.venueKind === 'community' && !values.venueCommunityId) errors.venueCommunityId = 'required';
    if (values.venueKind === 'text' && !values.venue.trim()) errors.venue = 'required';
  }
  if (values.agenda.some((item) => !item.title.trim() && (item.presenter.trim() || item.presenterCommunityId))) errors.agenda = 'required';
  if (values.repeat !== 'none' && values.ends === 'count') {
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 2 || count > MAX_OCCURRENCES) errors.count = 'occurrences_range';
  }
  if (values.repeat !== 'none' && values.ends === 'until') {
    if (!values.until) errors.until = 'required';
    else if (values.date && values.until <= values.date) errors.until = 'end_before_start';
  }
  return errors;
}

/** The request body: Almaty wall time in the form, UTC instants on the wire. */
export function toMeetingInput(values: MeetingFormValues): MeetingInput {
  const input: MeetingInput = {
    title: values.title.trim(),
    startsAt: almatyToUtc(values.date, values.startTime),
    endsAt: almatyToUtc(values.date, values.endTime),
    format: values.format,
    visibility: values.visibility,
    topicIds: values.topicIds,
    agenda: sentAgenda(values.agenda).map(agendaItemInput),
  };
  if (values.description.trim()) input.description = values.description.trim();
  if (values.format !== 'in_person') input.onlineLink = values.onlineLink.trim();
  if (values.format !== 'online') {
    if (values.venueKind === 'community' && values.venueCommunityId) input.venueCommunityId = values.venueCommunityId;
    else if (values.venueKind === 'text' && values.venue.trim()) input.venue = values.venue.trim();
  }
  const rrule = buildRrule(values.repeat, values.date, values.ends === 'until' ? { until: values.until } : { count: Number(values.count) });
  if (rrule) input.recurrence = values.skipDates.length ? { rrule, skipDates: [...values.skipDates].sort() } : { rrule };
  return input;
}

/** The agenda items the request carries: those with a title (the API numbers them `agenda.N`). */
const sentAgenda = (agenda: AgendaRow[]) => agenda.filter((item) => item.title.trim());

function agendaItemInput(item: AgendaRow): MeetingInput['agenda'][number] {
  const title = item.title.trim();
  if (item.presenterCommunityId) return { title, presenterCommunityId: item.presenterCommunityId };
  return item.presenter.trim() ? { title, presenter: item.presenter.trim() } : { title };
}

/** The API's field errors (`fields`) under the form's fields; a refused presenter under its own row. */
export function meetingErrorsFromApi(fields: Record<string, string>, agenda: AgendaRow[]): MeetingFormErrors {
  const map: Record<string, MeetingFormField> = {
    title: 'title',
    startsAt: 'date',
    endsAt: 'endTime',
    onlineLink: 'onlineLink',
    venue: 'venue',
    venueCommunityId: 'venueCommunityId',
    recurrence: 'count',
    'recurrence.rrule': 'count',
    'recurrence.skipDates': 'skipDates',
  };
  const errors: MeetingFormErrors = {};
  const sent = sentAgenda(agenda);
  for (const [path, message] of Object.entries(fields)) {
    const presenter = /^agenda\.(\d+)\.presenter/.exec(path);
    const row = presenter ? sent[Number(presenter[1])] : undefined;
    if (row) {
      errors.presenters = { ...errors.presenters, [row.key]: message };
      continue;
    }
    const field = map[path] ?? (path.startsWith('agenda') ? 'agenda' : undefined);
    if (field) errors[field] = message;
  }
  return errors;
}

interface MeetingFormFieldsProps {
  values: MeetingFormValues;
  onChange: (values: MeetingFormValues) => void;
  errors: MeetingFormErrors;
  club: Club;
  topics: Topic[];
  /** Repeat is chosen when scheduling; an existing series is edited per occurrence or as a whole. */
  allowRepeat: boolean;
  now?: Date;
}

export function MeetingFormFields({ values, onChange, errors, club, topics, allowRepeat, now }: MeetingFormFieldsProps) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const set = <K extends keyof MeetingFormValues>(field: K, value: MeetingFormValues[K]) => onChange({ ...values, [field]: value });
  const error = (field: MeetingFormField) => fieldErrorText(t, errors[field]);
  // A venue or a presenter is a community taking part in the club (the API checks it too).
  const clubCommunities = club.participants
    .filter((participant) => PARTICIPANT_STATUSES.includes(participant.status))
    .sort((a, b) => a.community.name.localeCompare(b.community.name, i18n.language));

  const chooseRepeat = (repeat: RepeatKind) => {
    if (repeat === 'monthly_weekday' && !values.dateTouched) {
      const defaults = defaultMeetingValues(now);
      onChange({ ...values, repeat, date: defaults.date, startTime: defaults.startTime, endTime: defaults.endTime });
    } else {
      onChange({ ...values, repeat });
    }
  };
  const toggleTopic = (id: string) =>
    set('topicIds', values.topicIds.includes(id) ? values.topicIds.filter((topicId) => topicId !== id) : [...values.topicIds, id]);
  const setAgenda = (agenda: AgendaRow[]) => set('agenda', agenda);
  const setRow = (key: number, change: Partial<AgendaRow>) => setAgenda(values.agenda.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const moveAgenda = (index: number, delta: number) => {
    const agenda = [...values.agenda];
    const [item] = agenda.splice(index, 1);
    agenda.splice(index + delta, 0, item);
    setAgenda(agenda);
  };

  const weekday = values.date ? WEEKDAY_KEYS[weekdayOf(values.date)] : 'tue';
  const position = values.date ? weekdayPosition(values.date) : 1;
  const repeatLabel = (kind: RepeatKind) => {
    switch (kind) {
      case 'none':
        return t('meetings.repeat.none');
      case 'weekly':
        return t('meetings.repeat.weekly', { weekday: t(`meetings.weekdays.${weekday}`) });
      case 'monthly_weekday':
        return t('meetings.repeat.monthlyWeekday', { which: t(`meetings.nthWeekday.${position === -1 ? 'last' : position}.${weekday}` as 'meetings.nthWeekday.1.tue') });
      case 'monthly_day':
        return t('meetings.repeat.monthlyDay', { day: values.date ? Number(values.date.split('-')[2]) : 1 });
    }
  };

  return (
    <>
      <FormField label={t('meetings.form.title')} error={error('title')}>
        <input name="title" value={values.title} onChange={(e) => set('title', e.target.value)} required data-testid="meeting-title" />
      </FormField>
      <FormField label={t('meetings.form.description')}>
        <textarea name="description" rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
      </FormField>

      <fieldset className="fieldset">
        <legend>{t('meetings.form.when')}</legend>
        <p className="field-hint">{t('meetings.form.timeZoneHint')}</p>
        <FormField label={t('meetings.form.date')} error={error('date')}>
          <input
            name="date"
            type="date"
            value={values.date}
            onChange={(e) => onChange({ ...values, date: e.target.value, dateTouched: true })}
            required
            data-testid="meeting-date"
          />
        </FormField>
        <div className="field-row">
          <FormField label={t('meetings.form.startTime')} error={error('startTime')}>
            <input
              name="startTime"
              type="time"
              value={values.startTime}
              onChange={(e) => onChange({ ...values, startTime: e.target.value, dateTouched: true })}
              required
              data-testid="meeting-start"
            />
          </FormField>
          <FormField label={t('meetings.form.endTime')} error={error('endTime')}>
            <input
              name="endTime"
              type="time"
              value={values.endTime}
              onChange={(e) => onChange({ ...values, endTime: e.target.value, dateTouched: true })}
              required
              data-testid="meeting-end"
            />
          </FormField>
        </div>
        {allowRepeat && (
          <div className="field-row">
            <FormField label={t('meetings.form.repeat')}>
              <select name="repeat" value={values.repeat} onChange={(e) => chooseRepeat(e.target.value as RepeatKind)} data-testid="meeting-repeat">
                {REPEAT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {repeatLabel(kind)}
                  </option>
                ))}
              </select>
            </FormField>
            {values.repeat !== 'none' && (
              <FormField label={t('calendar.ends')}>
                <select name="ends" value={values.ends} onChange={(e) => set('ends', e.target.value as MeetingFormValues['ends'])} data-testid="meeting-ends">
                  <option value="count">{t('calendar.endsAfter')}</option>
                  <option value="until">{t('calendar.endsOn')}</option>
                </select>
              </FormField>
            )}
            {values.repeat !== 'none' && values.ends === 'count' && (
              <FormField label={t('meetings.form.count')} hint={t('meetings.form.countHint', { max: MAX_OCCURRENCES })} error={error('count')}>
                <input
                  name="count"
                  type="number"
                  inputMode="numeric"
                  min={2}
                  max={MAX_OCCURRENCES}
                  value={values.count}
                  onChange={(e) => set('count', e.target.value)}
                  data-testid="meeting-count"
                />
              </FormField>
            )}
            {values.repeat !== 'none' && values.ends === 'until' && (
              <FormField label={t('calendar.until')} hint={t('calendar.untilHint')} error={error('until')}>
                <input name="until" type="date" min={values.date} value={values.until} onChange={(e) => set('until', e.target.value)} data-testid="meeting-until" />
              </FormField>
            )}
          </div>
        )}
        {allowRepeat && values.repeat !== 'none' && <SkipDates values={values} onChange={(skipDates) => set('skipDates', skipDates)} error={error('skipDates')} />}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('meetings.form.where')}</legend>
        <FormField label={t('meetings.form.format')}>
          <select name="format" value={values.format} onChange={(e) => set('format', e.target.value as MeetingInput['format'])}>
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`meetings.format.${format}`)}
              </option>
            ))}
          </select>
        </FormField>
        {values.format !== 'in_person' && (
          <FormField label={t('meetings.form.onlineLink')} hint={t('meetings.form.onlineLinkHint')} error={error('onlineLink')}>
            <input name="onlineLink" type="url" inputMode="url" value={values.onlineLink} onChange={(e) => set('onlineLink', e.target.value)} />
          </FormField>
        )}
        {values.format !== 'online' && (
          <>
            <div role="radiogroup" aria-label={t('meetings.form.where')} className="segmented">
              {(['text', 'community'] as const).map((kind) => (
                <label key={kind} className="segmented-option">
                  <input type="radio" name="venueKind" value={kind} checked={values.venueKind === kind} onChange={() => set('venueKind', kind)} />
                  {t(`meetings.form.venueKind.${kind}`)}
                </label>
              ))}
            </div>
            {values.venueKind === 'text' ? (
              <FormField label={t('meetings.form.venue')} error={error('venue')}>
                <input name="venue" value={values.venue} onChange={(e) => set('venue', e.target.value)} data-testid="meeting-venue" />
              </FormField>
            ) : (
              <FormField label={t('meetings.form.venueCommunity')} hint={t('meetings.form.venueCommunityHint')} error={error('venueCommunityId')}>
                <select name="venueCommunityId" value={values.venueCommunityId} onChange={(e) => set('venueCommunityId', e.target.value)}>
                  <option value="">{t('common.choose')}</option>
                  {clubCommunities.map((participant) => (
                    <option key={participant.community.id} value={participant.community.id}>
                      {participant.community.name} — {t(`tradition.${participant.community.tradition}`)}
                    </option>
                  ))}
                </select>
              </FormField>
            )}
          </>
        )}
        <FormField label={t('meetings.form.visibility')} hint={t(`meetings.visibility.${values.visibility}Hint`)}>
          <select name="visibility" value={values.visibility} onChange={(e) => set('visibility', e.target.value as MeetingInput['visibility'])}>
            <option value="club">{t('meetings.visibility.club')}</option>
            <option value="public">{t('meetings.visibility.public')}</option>
          </select>
        </FormField>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('meetings.form.topics')}</legend>
        {topics.length === 0 ? (
          <p className="empty">{t('meetings.form.noTopics')}</p>
        ) : (
          <div className="chip-choices">
            {topics.map((topic) => (
              <label key={topic.id} className="chip-choice">
                <input type="checkbox" checked={values.topicIds.includes(topic.id)} onChange={() => toggleTopic(topic.id)} />
                <span>{localized(topic.name)}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('meetings.form.agenda')}</legend>
        {errors.agenda && <p className="field-error">{t('meetings.form.agendaTitleRequired')}</p>}
        {values.agenda.length > 0 && (
          <ol className="agenda-editor">
            {values.agenda.map((item, index) => {
              const presenterError = fieldErrorText(t, errors.presenters?.[item.key]);
              return (
                <li key={item.key} className="agenda-row">
                  <FormField label={t('meetings.form.agendaTitle', { n: index + 1 })}>
                    <input value={item.title} onChange={(e) => setRow(item.key, { title: e.target.value })} data-testid={`agenda-title-${index + 1}`} />
                  </FormField>
                  <FormField label={t('meetings.form.presenter')} error={item.presenterCommunityId ? presenterError : undefined}>
                    <CommunityPicker
                      clubId={club.id}
                      participating
                      value={item.presenterCommunityId}
                      valueName={clubCommunities.find((participant) => participant.community.id === item.presenterCommunityId)?.community.name}
                      onChange={(presenterCommunityId) => setRow(item.key, { presenterCommunityId, presenter: '' })}
                      emptyLabel={t('meetings.form.presenterNone')}
                      data-testid={`agenda-presenter-community-${index + 1}`}
                    />
                  </FormField>
                  {!item.presenterCommunityId && (
                    <FormField
                      label={t('meetings.form.presenterName')}
                      hint={t('meetings.form.presenterNameHint')}
                      error={presenterError}
                    >
                      <input value={item.presenter} onChange={(e) => setRow(item.key, { presenter: e.target.value })} data-testid={`agenda-presenter-${index + 1}`} />
                    </FormField>
                  )}
                  <div className="row-tools">
                    <button type="button" className="button button-small button-secondary" onClick={() => moveAgenda(index, -1)} disabled={index === 0} aria-label={t('meetings.form.moveUp', { n: index + 1 })}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() => moveAgenda(index, 1)}
                      disabled={index === values.agenda.length - 1}
                      aria-label={t('meetings.form.moveDown', { n: index + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => setAgenda(values.agenda.filter((row) => row.key !== item.key))}
                      aria-label={t('meetings.form.removeItem', { n: index + 1 })}
                    >
                      ✕
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <p>
          <button type="button" className="button button-secondary" onClick={() => setAgenda([...values.agenda, agendaRow()])}>
            {t('meetings.form.addAgendaItem')}
          </button>
        </p>
      </fieldset>
      {values.repeat !== 'none' && values.date && (
        <p className="field-hint" data-testid="repeat-summary">
          {values.ends === 'until'
            ? `${repeatLabel(values.repeat)}, ${t('calendar.untilSummary', { date: values.until ? formatDate(values.until, i18n.language) : '…' })}`
            : t('meetings.form.repeatSummary', { rule: repeatLabel(values.repeat), count: values.count })}
          {values.skipDates.length > 0 &&
            ` · ${t('calendar.skipSummary', { dates: values.skipDates.map((date) => formatDate(date, i18n.language)).join(', ') })}`}
        </p>
      )}
    </>
  );
}

/** Single dates of the series to leave out (a holiday, a clash): each must be one of its dates, the API checks. */
function SkipDates({ values, onChange, error }: { values: MeetingFormValues; onChange: (dates: string[]) => void; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (draft && !values.skipDates.includes(draft)) onChange([...values.skipDates, draft].sort());
    setDraft('');
  };
  return (
    <div className="field-group">
      <div className="inline-row">
        <FormField label={t('calendar.skip')} hint={t('calendar.skipHint')} error={error}>
          <input type="date" min={values.date} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="meeting-skip-date" />
        </FormField>
        <button type="button" className="button button-small button-secondary" onClick={add} disabled={!draft} data-testid="meeting-skip-add">
          {t('calendar.skipAdd')}
        </button>
      </div>
      {values.skipDates.length > 0 && (
        <ul className="plain-list chips" data-testid="meeting-skipped">
          {values.skipDates.map((date) => (
            <li key={date}>
              <button type="button" className="button button-small button-secondary" onClick={() => onChange(values.skipDates.filter((d) => d !== date))}>
                {t('calendar.skipRemove', { date: formatDate(date, i18n.language) })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
