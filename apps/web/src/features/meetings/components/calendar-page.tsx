import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { addDays, addMonths, almatyToUtc, daysInMonth, toAlmaty, weekdayOf } from '../../../lib/almaty-time';
import { formatMonth, formatTime, formatTimeRange, KAZAKHSTAN_TIME_ZONE } from '../../../lib/format';
import { useCalendarToken, useRevokeCalendarTokens, useClub, useClubMeetings, type Club, type MeetingSummary } from '../api/meetings';
import { WEEKDAY_KEYS } from './meeting-form';
import { StatusTag, TopicChips } from './meeting-parts';
import { useClubText } from '../../clubs/club-text';

const PARTICIPANT_STATUSES = new Set(['observer', 'candidate', 'member', 'suspended']);
/** Weeks start on Monday in Kazakhstan. */
const WEEK = [1, 2, 3, 4, 5, 6, 0].map((day) => WEEKDAY_KEYS[day]);

export function CalendarPage({ now = new Date() }: { now?: Date }) {
  const { clubId = '' } = useParams();
  const { t } = useTranslation();
  const club = useClub(clubId);
  const clubText = useClubText();
  const [params, setParams] = useSearchParams();
  const today = toAlmaty(now).date;
  // Upcoming first, like Meetup and Google Calendar; the month grid on request.
  const view = params.get('view') === 'month' ? 'month' : 'list';
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? (params.get('month') as string) : today.slice(0, 7);
  const setView = (next: 'month' | 'list') => setParams((current) => ({ ...Object.fromEntries(current), view: next }), { replace: true });

  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/clubs/${clubId}`}>{(club.data && clubText.name(club.data)) ?? t('meetings.calendar.backToClub')}</Link>
      </p>
      <PageTitle subtitle={club.data && clubText.name(club.data)}>{t('meetings.calendar.title')}</PageTitle>
      <div className="toolbar">
        <div role="group" aria-label={t('meetings.calendar.view')} className="toggle-group">
          {(['list', 'month'] as const).map((option) => (
            <button key={option} type="button" className="toggle" aria-pressed={view === option} onClick={() => setView(option)} data-testid={`view-${option}`}>
              {t(`meetings.calendar.${option}View`)}
            </button>
          ))}
        </div>
        {club.data?.viewerIsCoordinator && (
          <Link to={`/clubs/${clubId}/meetings/new`} className="button" data-testid="schedule-link">
            {t('meetings.schedule.title')}
          </Link>
        )}
      </div>
      <p className="card-meta">{t('meetings.almatyTime', { zone: KAZAKHSTAN_TIME_ZONE })}</p>
      {view === 'month' ? (
        <MonthView clubId={clubId} month={month} today={today} onMonth={(next) => setParams({ view: 'month', month: next })} />
      ) : (
        <ListView
          clubId={clubId}
          now={now}
          pastMonth={/^\d{4}-\d{2}$/.test(params.get('past') ?? '') ? (params.get('past') as string) : today.slice(0, 7)}
          onPastMonth={(next) => setParams({ view: 'list', past: next }, { replace: true })}
        />
      )}
      {club.data && <Subscribe club={club.data} />}
    </section>
  );
}

function MonthView({ clubId, month, today, onMonth }: { clubId: string; month: string; today: string; onMonth: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const [year, monthNumber] = month.split('-').map(Number);
  const first = `${month}-01`;
  const gridStart = addDays(first, -((weekdayOf(first) + 6) % 7));
  const last = `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, '0')}`;
  const gridEnd = addDays(last, (7 - weekdayOf(last)) % 7);
  const range = { from: almatyToUtc(gridStart, '00:00'), to: almatyToUtc(addDays(gridEnd, 1), '00:00') };
  const meetings = useClubMeetings(clubId, range);

  const days: string[] = [];
  for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) days.push(day);

  return (
    <div className="month-view">
      <div className="month-nav">
        <button type="button" className="button button-small button-secondary" onClick={() => onMonth(addMonths(month, -1))} aria-label={t('meetings.calendar.previous')}>
          ←
        </button>
        <h2 className="month-title" data-testid="month-title">
          {formatMonth(month, i18n.language)}
        </h2>
        <button type="button" className="button button-small button-secondary" onClick={() => onMonth(addMonths(month, 1))} aria-label={t('meetings.calendar.next')}>
          →
        </button>
        {today.slice(0, 7) !== month && (
          <button type="button" className="button button-small button-secondary" onClick={() => onMonth(today.slice(0, 7))}>
            {t('meetings.calendar.today')}
          </button>
        )}
      </div>
      <QueryState query={meetings}>
        {(list) => {
          const byDay = new Map<string, MeetingSummary[]>();
          for (const meeting of [...list].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
            const day = toAlmaty(meeting.startsAt).date;
            byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
          }
          const inMonth = [...list]
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
            .filter((meeting) => toAlmaty(meeting.startsAt).date.startsWith(month));
          return (
            <>
              <div className="month-grid" role="table" aria-label={formatMonth(month, i18n.language)}>
                <div role="row" className="month-row month-head">
                  {WEEK.map((key) => (
                    <span role="columnheader" key={key} className="month-weekday">
                      {t(`meetings.weekdaysShort.${key}`)}
                    </span>
                  ))}
                </div>
                {Array.from({ length: days.length / 7 }, (_, week) => (
                  <div role="row" className="month-row" key={days[week * 7]}>
                    {days.slice(week * 7, week * 7 + 7).map((day) => (
                      <div
                        role="cell"
                        key={day}
                        className={['month-cell', day.slice(0, 7) !== month ? 'other-month' : '', day === today ? 'today' : ''].filter(Boolean).join(' ')}
                        aria-current={day === today ? 'date' : undefined}
                        data-testid={`day-${day}`}
                      >
                        <span className="day-number">{Number(day.slice(8))}</span>
                        {(byDay.get(day) ?? []).map((meeting) => (
                          <Link
                            key={meeting.id}
                            to={`/meetings/${meeting.id}`}
                            className={`day-meeting${meeting.status === 'cancelled' ? ' cancelled' : ''}`}
                            data-testid="calendar-meeting"
                            data-status={meeting.status}
                          >
                            <span className="day-meeting-time">{formatTime(meeting.startsAt)}</span> {meeting.title}
                            {meeting.status === 'cancelled' && <span className="visually-hidden"> ({t('meetings.status.cancelled')})</span>}
                          </Link>
                        ))}
                      </div>
                    ))}
                  </div>
                ))}
              </div>
              {/* On a phone the grid only hints at titles: the month's meetings in full below it. */}
              {inMonth.length > 0 && <MeetingList meetings={inMonth} />}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** What is next, then the earlier meetings one month at a time, newest first. */
function ListView({ clubId, now, pastMonth, onPastMonth }: { clubId: string; now: Date; pastMonth: string; onPastMonth: (month: string) => void }) {
  const { t, i18n } = useTranslation();
  const upcoming = useClubMeetings(clubId, { from: now.toISOString() });
  const currentMonth = toAlmaty(now).date.slice(0, 7);
  const monthEnd = almatyToUtc(`${addMonths(pastMonth, 1)}-01`, '00:00');
  const earlier = useClubMeetings(clubId, {
    from: almatyToUtc(`${pastMonth}-01`, '00:00'),
    to: monthEnd < now.toISOString() ? monthEnd : now.toISOString(),
  });
  const month = formatMonth(pastMonth, i18n.language);
  return (
    <>
      <h2>{t('meetings.calendar.upcoming')}</h2>
      <QueryState query={upcoming}>
        {(list) => {
          const next = [...list].filter((meeting) => new Date(meeting.endsAt) >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
          return next.length === 0 ? <p className="empty">{t('meetings.calendar.none')}</p> : <MeetingList meetings={next} />;
        }}
      </QueryState>
      <div className="month-nav">
        <button type="button" className="button button-small button-secondary" onClick={() => onPastMonth(addMonths(pastMonth, -1))} aria-label={t('calendar.earlierMonth')}>
          ←
        </button>
        <h2 className="month-title" data-testid="past-month-title">
          {t('calendar.earlierIn', { month })}
        </h2>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => onPastMonth(addMonths(pastMonth, 1))}
          disabled={pastMonth >= currentMonth}
          aria-label={t('calendar.laterMonth')}
        >
          →
        </button>
      </div>
      <QueryState query={earlier}>
        {(list) => {
          const past = [...list].filter((meeting) => new Date(meeting.endsAt) < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
          return past.length === 0 ? <p className="empty">{t('calendar.noneInMonth', { month })}</p> : <MeetingList meetings={past} testId="past-meeting" />;
        }}
      </QueryState>
    </>
  );
}

function MeetingList({ meetings, testId = 'list-meeting' }: { meetings: MeetingSummary[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="card-list meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link to={`/meetings/${meeting.id}`} className={`card card-link${meeting.status === 'cancelled' ? ' cancelled' : ''}`} data-testid={testId} data-status={meeting.status}>
            <span className="card-title">
              <span className="meeting-title-text">{meeting.title}</span> <StatusTag status={meeting.status} />
            </span>
            <span className="card-meta meeting-time">{formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language)}</span>
            <span className="card-meta">
              {t(`meetings.format.${meeting.format}`)}
              {meeting.venue && ` · ${meeting.venue}`}
            </span>
            <TopicChips topics={meeting.topics} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The public feed for everyone; a private feed (every meeting of the club) for its participants. */
function Subscribe({ club }: { club: Club }) {
  const { t } = useTranslation();
  const token = useCalendarToken(club.id);
  const revoke = useRevokeCalendarTokens(club.id);
  const participant = club.viewerIsCoordinator || club.viewerParticipations.some((p) => PARTICIPANT_STATUSES.has(p.status));
  const publicUrl = `${window.location.origin}/api/clubs/${club.id}/calendar.ics`;
  return (
    <section className="card subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t('meetings.calendar.subscribe')}</h2>
      <p className="field-hint">{t('meetings.calendar.subscribeHint')}</p>
      <CopyUrl label={t('meetings.calendar.publicFeed')} url={publicUrl} testId="public-feed" />
      {participant && (
        <>
          {token.data ? (
            <CopyUrl label={t('meetings.calendar.privateFeed')} url={new URL(token.data.url, window.location.origin).href} testId="private-feed" />
          ) : (
            <p>
              <button type="button" className="button button-secondary" onClick={() => token.mutate()} disabled={token.isPending} data-testid="private-feed-button">
                {t('meetings.calendar.privateFeedButton')}
              </button>
            </p>
          )}
          <p className="field-hint">{t('meetings.calendar.privateFeedHint')}</p>
          <p>
            <button
              type="button"
              className="button button-small button-danger-outline"
              onClick={() => revoke.mutate(undefined, { onSuccess: () => token.reset() })}
              disabled={revoke.isPending}
              data-testid="revoke-private-feeds"
            >
              {t('meetings.calendar.revokeFeeds')}
            </button>
          </p>
          {revoke.isSuccess && (
            <p role="status" className="alert alert-success">
              {t('meetings.calendar.feedsRevoked')}
            </p>
          )}
          {token.error && <ErrorMessage error={token.error} />}
          {revoke.error && <ErrorMessage error={revoke.error} />}
        </>
      )}
    </section>
  );
}

function CopyUrl({ label, url, testId }: { label: string; url: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copy-url">
      <label className="label" htmlFor={testId}>
        {label}
      </label>
      <div className="inline-row">
        <input id={testId} readOnly value={url} onFocus={(e) => e.target.select()} data-testid={testId} className="grow" />
        <button type="button" className="button button-small" onClick={() => void copy()}>
          {copied ? t('meetings.calendar.copied') : t('meetings.calendar.copy')}
        </button>
      </div>
    </div>
  );
}
