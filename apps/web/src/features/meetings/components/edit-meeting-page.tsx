import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { isApiError } from '../../../lib/api-error';
import { useClub, useMeeting, useTopics, useUpdateMeeting, type Club, type Meeting, type Topic, type UpdateScope } from '../api/meetings';
import {
  meetingErrorsFromApi,
  MeetingFormFields,
  meetingValues,
  toMeetingInput,
  validateMeeting,
  type MeetingFormErrors,
  type MeetingFormValues,
} from './meeting-form';

export function EditMeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <section className="narrow-wide">
      <QueryState query={meeting}>{(found) => <EditMeeting meeting={found} />}</QueryState>
    </section>
  );
}

function EditMeeting({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const club = useClub(meeting.clubId);
  const topics = useTopics({ includeArchived: false });
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
      </p>
      <PageTitle subtitle={meeting.clubName}>{t('meetings.edit.title')}</PageTitle>
      {!meeting.viewerIsCoordinator ? (
        <p role="alert" className="alert alert-info">
          {t('errors.pageNotAvailable')}
        </p>
      ) : (
        <QueryState query={club}>
          {(found) => <QueryState query={topics}>{(list) => <EditForm meeting={meeting} club={found} topics={list} />}</QueryState>}
        </QueryState>
      )}
    </>
  );
}

function EditForm({ meeting, club, topics }: { meeting: Meeting; club: Club; topics: Topic[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<MeetingFormValues>(() => meetingValues(meeting));
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  const [scope, setScope] = useState<UpdateScope>('occurrence');
  const update = useUpdateMeeting(meeting.id);
  // Archived topics stay on the meeting; they are offered only where already chosen.
  const offered = [...topics, ...meeting.topics.filter((topic) => !topics.some((known) => known.id === topic.id))];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateMeeting(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // Without a repeat choice the body has no recurrence: a series is edited through `scope`.
    const input = toMeetingInput({ ...values, repeat: 'none' });
    update.mutate(
      {
        ...input,
        // What the edit cleared must reach the API: an emptied description, the venue kind not chosen, no link in person.
        description: values.description.trim(),
        venue: input.venue ?? null,
        venueCommunityId: input.venueCommunityId ?? null,
        onlineLink: input.onlineLink ?? null,
        scope,
        version: meeting.version,
        acknowledgeWarnings: true,
      },
      {
        onSuccess: () => void navigate(`/meetings/${meeting.id}`),
        onError: (error) => {
          if (isApiError(error, 400)) setErrors(meetingErrorsFromApi(error.fields, values.agenda));
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {meeting.seriesId && (
        <fieldset className="fieldset">
          <legend>{t('meetings.scope.label')}</legend>
          <div role="radiogroup" className="segmented">
            {(['occurrence', 'series'] as const).map((option) => (
              <label key={option} className="segmented-option">
                <input type="radio" name="scope" value={option} checked={scope === option} onChange={() => setScope(option)} />
                {t(`meetings.scope.${option}`)}
              </label>
            ))}
          </div>
          {scope === 'series' && <p className="field-hint">{t('meetings.scope.seriesHint')}</p>}
        </fieldset>
      )}
      <MeetingFormFields values={values} onChange={setValues} errors={errors} club={club} topics={offered} allowRepeat={false} />
      {update.error && <ErrorMessage error={update.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={update.isPending} data-testid="meeting-save">
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
        <Link to={`/meetings/${meeting.id}`} className="button button-secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
