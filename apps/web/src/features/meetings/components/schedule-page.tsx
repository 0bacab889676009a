import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { isApiError } from '../../../lib/api-error';
import { useCheckMeeting, useClub, useCreateMeeting, useTopics, type Club, type MeetingCheck, type Topic } from '../api/meetings';
import {
  defaultMeetingValues,
  meetingErrorsFromApi,
  MeetingFormFields,
  toMeetingInput,
  validateMeeting,
  type MeetingFormErrors,
  type MeetingFormValues,
} from './meeting-form';
import { ConflictList, WarningList } from './meeting-parts';
import { useClubText } from '../../clubs/club-text';

export function SchedulePage() {
  const { clubId = '' } = useParams();
  const club = useClub(clubId);
  const clubText = useClubText();
  const topics = useTopics();
  const { t } = useTranslation();
  return (
    <section className="narrow-wide">
      <p className="breadcrumb">
        <Link to={`/clubs/${clubId}/calendar`}>{t('meetings.calendar.title')}</Link>
      </p>
      <PageTitle subtitle={club.data && clubText.name(club.data)}>{t('meetings.schedule.title')}</PageTitle>
      <QueryState query={club}>
        {(found) => <QueryState query={topics}>{(list) => <ScheduleForm club={found} topics={list} />}</QueryState>}
      </QueryState>
    </section>
  );
}

function ScheduleForm({ club, topics }: { club: Club; topics: Topic[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<MeetingFormValues>(() => defaultMeetingValues());
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  // The check result and the exact request it was for: any edit asks again.
  const [checked, setChecked] = useState<{ body: string; result: MeetingCheck } | null>(null);
  const check = useCheckMeeting(club.id);
  const create = useCreateMeeting(club.id);

  const input = toMeetingInput(values);
  const body = JSON.stringify(input);
  const current = checked?.body === body ? checked.result : null;
  const blocked = (current?.conflicts.length ?? 0) > 0;
  const hasWarnings = (current?.warnings.length ?? 0) > 0;

  const change = (next: MeetingFormValues) => {
    setValues(next);
    setErrors({});
    check.reset();
    create.reset();
  };

  const save = (acknowledgeWarnings: boolean) =>
    create.mutate(acknowledgeWarnings ? { ...input, acknowledgeWarnings } : input, {
      onSuccess: (meetings) => {
        const first = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
        void navigate(first ? `/meetings/${first.id}` : `/clubs/${club.id}/calendar`, { state: { scheduled: meetings.length } });
      },
      onError: (error) => {
        if (isApiError(error, 400)) setErrors(meetingErrorsFromApi(error.fields, values.agenda));
        // Someone booked the slot meanwhile: show what conflicts now.
        if (isApiError(error, 409)) check.mutate(input, { onSuccess: (result) => setChecked({ body, result }) });
      },
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateMeeting(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (current) {
      if (!blocked) save(hasWarnings);
      return;
    }
    check.mutate(input, {
      onSuccess: (result) => {
        setChecked({ body, result });
        if (result.conflicts.length === 0 && result.warnings.length === 0) save(false);
      },
      onError: (error) => {
        if (isApiError(error, 400)) setErrors(meetingErrorsFromApi(error.fields, values.agenda));
      },
    });
  };

  const busy = check.isPending || create.isPending;
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <MeetingFormFields values={values} onChange={change} errors={errors} club={club} topics={topics} allowRepeat />
      {current && <ConflictList conflicts={current.conflicts} />}
      {current && !blocked && hasWarnings && (
        <div className="card note" data-testid="warnings-box">
          <p className="note-title">{t('meetings.warnings.title')}</p>
          <WarningList warnings={current.warnings} />
          <p className="field-hint">{t('meetings.warnings.canSave')}</p>
        </div>
      )}
      {/* A conflict found on saving is explained by the refreshed conflict list when there is one. */}
      {(check.error || create.error) && !(isApiError(create.error, 409) && blocked) && <ErrorMessage error={check.error ?? create.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || blocked} data-testid="meeting-save">
          {busy ? t('common.saving') : current && hasWarnings && !blocked ? t('meetings.schedule.saveAnyway') : t('meetings.schedule.save')}
        </button>
        <Link to={`/clubs/${club.id}/calendar`} className="button button-secondary">
          {t('common.cancel')}
        </Link>
      </div>
      {blocked && <p className="field-hint">{t('meetings.conflicts.change')}</p>}
    </form>
  );
}
