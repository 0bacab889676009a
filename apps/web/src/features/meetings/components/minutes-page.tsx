import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage, fieldErrorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { addDays, toAlmaty } from '../../../lib/almaty-time';
import { formatDateTime, formatTimeRange } from '../../../lib/format';
import { useMeeting, type Meeting } from '../api/meetings';
import { useAddActionItem, useMeetingActionItems, useMinutes, useSaveMinutes, type Minutes } from '../api/minutes';
import { useAttendance } from '../api/participation';
import { ActionItemList } from './action-items';

export function MinutesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const meeting = useMeeting(id);
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/meetings/${id}`}>{meeting.data?.title ?? t('meetings.backToMeeting')}</Link>
      </p>
      <QueryState query={meeting}>
        {(found) =>
          found.viewerIsCoordinator ? (
            <MinutesEditor meeting={found} />
          ) : (
            <p role="alert" className="alert alert-info">
              {t('errors.pageNotAvailable')}
            </p>
          )
        }
      </QueryState>
    </section>
  );
}

function MinutesEditor({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const minutes = useMinutes(meeting.id);
  const items = useMeetingActionItems(meeting.id);
  return (
    <>
      <PageTitle subtitle={`${meeting.title} · ${formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language)}`}>{t('meetings.minutes.title')}</PageTitle>
      <div className="two-columns">
        <QueryState query={minutes}>{(found) => <MinutesForm key={found.publishedAt ?? 'draft'} meetingId={meeting.id} minutes={found} />}</QueryState>
        <section aria-labelledby="minutes-action-items">
          <h2 id="minutes-action-items">{t('meetings.actionItems.title')}</h2>
          <QueryState query={items}>
            {(found) => <ActionItemList items={found.created} viewerIsCoordinator testId="meeting-action-items" />}
          </QueryState>
          <ActionItemForm meetingId={meeting.id} />
        </section>
      </div>
    </>
  );
}

let decisionKey = 0;

function MinutesForm({ meetingId, minutes }: { meetingId: string; minutes: Minutes }) {
  const { t, i18n } = useTranslation();
  const save = useSaveMinutes(meetingId);
  const [text, setText] = useState(minutes.minutes);
  const [decisions, setDecisions] = useState(() =>
    [...minutes.decisions].sort((a, b) => a.position - b.position).map((decision) => ({ key: ++decisionKey, text: decision.text })),
  );
  const [saved, setSaved] = useState<'draft' | 'published' | null>(null);
  const published = minutes.publishedAt != null;

  const submit = (publish: boolean) =>
    save.mutate(
      { minutes: text.trim(), decisions: decisions.map((decision) => decision.text.trim()).filter(Boolean), publish, version: minutes.version },
      { onSuccess: () => setSaved(publish ? 'published' : 'draft') },
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(true);
  };

  return (
    <form className="form card" onSubmit={onSubmit}>
      {published ? (
        <p className="alert alert-success" data-testid="minutes-published">
          {t('meetings.minutes.publishedOn', { date: formatDateTime(minutes.publishedAt as string, i18n.language) })}
        </p>
      ) : (
        <p className="field-hint">{t('meetings.minutes.draftHint')}</p>
      )}
      {saved === 'draft' && (
        <p role="status" className="alert alert-success">
          {t('meetings.minutes.savedDraft')}
        </p>
      )}
      <FormField label={t('meetings.minutes.text')}>
        <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} data-testid="minutes-text" />
      </FormField>
      <fieldset className="fieldset">
        <legend>{t('meetings.minutes.decisions')}</legend>
        {decisions.map((decision, index) => (
          <div key={decision.key} className="inline-row">
            <FormField label={t('meetings.minutes.decision', { n: index + 1 })} className="grow">
              <input
                value={decision.text}
                onChange={(e) => setDecisions(decisions.map((d) => (d.key === decision.key ? { ...d, text: e.target.value } : d)))}
                data-testid="decision-input"
              />
            </FormField>
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() => setDecisions(decisions.filter((d) => d.key !== decision.key))}
              aria-label={t('meetings.minutes.removeDecision', { n: index + 1 })}
            >
              ✕
            </button>
          </div>
        ))}
        <p>
          <button type="button" className="button button-secondary" onClick={() => setDecisions([...decisions, { key: ++decisionKey, text: '' }])} data-testid="add-decision">
            {t('meetings.minutes.addDecision')}
          </button>
        </p>
      </fieldset>
      {save.error && <ErrorMessage error={save.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending} data-testid="publish-minutes">
          {published ? t('meetings.minutes.update') : t('meetings.minutes.publish')}
        </button>
        {!published && (
          <button type="button" className="button button-secondary" disabled={save.isPending} onClick={() => submit(false)} data-testid="save-draft">
            {t('meetings.minutes.saveDraft')}
          </button>
        )}
      </div>
    </form>
  );
}

function ActionItemForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const add = useAddActionItem(meetingId);
  const attendance = useAttendance(meetingId);
  const [title, setTitle] = useState('');
  const [ownerKind, setOwnerKind] = useState<'community' | 'person'>('community');
  const [ownerCommunityId, setOwnerCommunityId] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [dueDate, setDueDate] = useState(() => addDays(toAlmaty(new Date()).date, 30));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const communities = (attendance.data ?? []).map((row) => row.community).sort((a, b) => a.name.localeCompare(b.name));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = 'required';
    if (!dueDate) found.dueDate = 'required';
    if (ownerKind === 'community' && !ownerCommunityId) found.owner = 'required';
    if (ownerKind === 'person' && !ownerName.trim()) found.owner = 'required';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      { title: title.trim(), dueDate, ...(ownerKind === 'community' ? { ownerCommunityId } : { ownerName: ownerName.trim() }) },
      {
        onSuccess: () => {
          setTitle('');
          setOwnerName('');
        },
      },
    );
  };

  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="new-action-item">
      <h3 id="new-action-item">{t('meetings.actionItems.add')}</h3>
      <FormField label={t('meetings.actionItems.what')} error={fieldErrorText(t, errors.title)}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="action-title" />
      </FormField>
      <div role="radiogroup" aria-label={t('meetings.actionItems.ownerLabel')} className="segmented">
        {(['community', 'person'] as const).map((kind) => (
          <label key={kind} className="segmented-option">
            <input type="radio" name="ownerKind" value={kind} checked={ownerKind === kind} onChange={() => setOwnerKind(kind)} />
            {t(`meetings.actionItems.ownerKind.${kind}`)}
          </label>
        ))}
      </div>
      {ownerKind === 'community' ? (
        <FormField label={t('meetings.actionItems.ownerCommunity')} error={fieldErrorText(t, errors.owner)}>
          <select value={ownerCommunityId} onChange={(e) => setOwnerCommunityId(e.target.value)} data-testid="action-owner-community">
            <option value="">{t('common.choose')}</option>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </FormField>
      ) : (
        <FormField label={t('meetings.actionItems.ownerName')} error={fieldErrorText(t, errors.owner)}>
          <input value={ownerName} onChange={(e) => setOwnerName(e.target.value)} data-testid="action-owner-name" />
        </FormField>
      )}
      <FormField label={t('meetings.actionItems.dueDate')} error={fieldErrorText(t, errors.dueDate)}>
        <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} data-testid="action-due" />
      </FormField>
      {add.error && <ErrorMessage error={add.error} />}
      <button type="submit" className="button" disabled={add.isPending} data-testid="add-action-item">
        {t('meetings.actionItems.addButton')}
      </button>
    </form>
  );
}
