import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { QueryState } from '../../../components/query-state';
import { useMyCommunities } from '../../../lib/my-communities';
import { nameOrCommunity } from '../../../lib/naming';
import type { Meeting } from '../api/meetings';
import { useCheckIn, useRsvp, useRsvps, type RsvpAnswer, type RsvpSummary } from '../api/participation';

const ANSWERS: RsvpAnswer[] = ['yes', 'maybe', 'no'];
const HOUR = 60 * 60_000;

/** A representative of an invited community answers yes / no / maybe, with how many people come. */
export function RsvpBox({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const rsvps = useRsvps(meeting.id);
  const communities = useMyCommunities();
  return (
    <section className="card" aria-labelledby="rsvp-heading" data-testid="rsvp-box">
      <h2 id="rsvp-heading">{t('meetings.rsvp.title')}</h2>
      <QueryState query={communities}>
        {(mine) => (
          <QueryState query={rsvps}>
            {(summary) => <RsvpForm key={summary.responses.map((r) => r.updatedAt).join()} meeting={meeting} communities={mine} summary={summary} />}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
}

function RsvpForm({ meeting, communities, summary }: { meeting: Meeting; communities: { id: string; name: string }[]; summary: RsvpSummary }) {
  const { t } = useTranslation();
  const rsvp = useRsvp(meeting.id);
  const [communityId, setCommunityId] = useState(communities[0]?.id ?? '');
  const existing = summary.responses.find((response) => response.communityId === communityId);
  const [answer, setAnswer] = useState<RsvpAnswer | null>(existing?.answer ?? null);
  const [attendees, setAttendees] = useState(existing ? String(existing.attendees) : '1');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const count = answer === 'no' ? 0 : Number(attendees);
    if (!answer) return;
    if (!Number.isInteger(count) || count < 0 || count > 500) {
      setError(t('fieldErrors.attendees_range'));
      return;
    }
    setError(undefined);
    rsvp.mutate({ communityId, answer, attendees: count });
  };

  if (communities.length === 0) return <p className="empty">{t('meetings.rsvp.noCommunity')}</p>;
  return (
    <form className="form" onSubmit={onSubmit}>
      {existing && (
        <p className="alert alert-success" data-testid="rsvp-saved" data-answer={existing.answer}>
          {t('meetings.rsvp.current', { answer: t(`meetings.rsvp.answers.${existing.answer}`), count: existing.attendees })}
        </p>
      )}
      {communities.length > 1 && (
        <FormField label={t('meetings.rsvp.community')}>
          <select value={communityId} onChange={(e) => setCommunityId(e.target.value)}>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <div role="group" aria-label={t('meetings.rsvp.question')} className="toggle-group">
        {ANSWERS.map((option) => (
          <button
            key={option}
            type="button"
            className={`toggle toggle-${option}`}
            aria-pressed={answer === option}
            onClick={() => setAnswer(option)}
            data-testid={`rsvp-${option}`}
          >
            {t(`meetings.rsvp.answers.${option}`)}
          </button>
        ))}
      </div>
      {answer !== 'no' && (
        <FormField label={t('meetings.rsvp.attendees')} error={error}>
          <input type="number" inputMode="numeric" min={0} max={500} value={attendees} onChange={(e) => setAttendees(e.target.value)} data-testid="rsvp-attendees" />
        </FormField>
      )}
      {rsvp.error && <ErrorMessage error={rsvp.error} />}
      <button type="submit" className="button" disabled={!answer || rsvp.isPending} data-testid="rsvp-save">
        {rsvp.isPending ? t('common.saving') : t('meetings.rsvp.send')}
      </button>
    </form>
  );
}

/** The coordinator's view: counts, each community's answer, and who has not answered. */
export function RsvpOverview({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const rsvps = useRsvps(meeting.id);
  return (
    <section className="card" aria-labelledby="rsvp-overview" data-testid="rsvp-overview">
      <h2 id="rsvp-overview">{t('meetings.rsvp.overview')}</h2>
      <QueryState query={rsvps}>
        {(summary) => {
          const answered = new Set(summary.responses.map((response) => response.communityId));
          const silent = summary.invited.filter((community) => !answered.has(community.id));
          return (
            <>
              <ul className="counts">
                {(['yes', 'maybe', 'no', 'noAnswer'] as const).map((key) => (
                  <li key={key} data-testid={`rsvp-count-${key}`}>
                    <span className="count-number">{summary.counts[key]}</span>
                    <span className="count-label">{t(`meetings.rsvp.counts.${key}`)}</span>
                  </li>
                ))}
              </ul>
              <p data-testid="rsvp-expected">{t('meetings.rsvp.expectedPeople', { count: summary.counts.expectedPeople })}</p>
              {summary.responses.length > 0 && (
                <ul className="plain-list">
                  {summary.responses.map((response) => (
                    <li key={response.communityId} className="participant" data-testid="rsvp-response">
                      <span className="participant-name">{nameOrCommunity(t, response.communityName, { start: true })}</span>
                      <span className={`badge badge-rsvp-${response.answer}`}>{t(`meetings.rsvp.answers.${response.answer}`)}</span>
                      {response.answer !== 'no' && <span className="card-meta">{t('meetings.rsvp.people', { count: response.attendees })}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {silent.length > 0 && (
                <p className="card-meta">
                  {t('meetings.rsvp.notAnswered')}: {silent.map((community) => community.name).join(', ')}
                </p>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** During the check-in window (an hour before the start to three hours after the end). */
export function CheckInBox({ meeting, now = new Date() }: { meeting: Meeting; now?: Date }) {
  const { t } = useTranslation();
  const communities = useMyCommunities();
  const checkIn = useCheckIn(meeting.id);
  const [code, setCode] = useState('');
  const opens = new Date(meeting.startsAt).getTime() - HOUR;
  const closes = new Date(meeting.endsAt).getTime() + 3 * HOUR;
  if (now.getTime() < opens || now.getTime() > closes) return null;
  const communityId = communities.data?.[0]?.id;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!communityId || !code.trim()) return;
    checkIn.mutate({ communityId, code: code.trim().toUpperCase() });
  };
  return (
    <section className="card" aria-labelledby="check-in-heading" data-testid="check-in-box">
      <h2 id="check-in-heading">{t('meetings.checkIn.title')}</h2>
      {checkIn.isSuccess ? (
        <p role="status" className="alert alert-success" data-testid="checked-in">
          {t('meetings.checkIn.done')}
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          <FormField label={t('meetings.checkIn.code')} hint={t('meetings.checkIn.hint')}>
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={6}
              autoComplete="off"
              autoCapitalize="characters"
              className="code-input"
              data-testid="check-in-input"
            />
          </FormField>
          {checkIn.error && <ErrorMessage error={checkIn.error} />}
          <button type="submit" className="button" disabled={checkIn.isPending || code.trim().length === 0} data-testid="check-in-submit">
            {t('meetings.checkIn.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
