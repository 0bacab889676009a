import type { AttendanceStatus } from '../meetings/attendance';
import { TRANSPARENCY_FIELDS, type PathwayPolicyRules, type TransparencyField } from './policy';

/** Calendar dates (months as observer) are counted in the club's time zone. */
export const PATHWAY_TIME_ZONE = 'Asia/Almaty';

export const MILESTONE_KEYS = [
  'monthsAsObserver',
  'meetingsAttended',
  'attendanceRate',
  'jointProjects',
  'transparency',
  'sponsors',
  'noOpenConcern',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const NEXT_STEP_KEYS = [
  'waitMonths',
  'attendMeetings',
  'raiseAttendance',
  'joinProjects',
  'completeProfile',
  'findSponsors',
  'resolveConcern',
] as const;
export type NextStepKey = (typeof NEXT_STEP_KEYS)[number];

/** A club meeting and the community's attendance row for it (`null`: none recorded). */
export interface MeetingRecord {
  id: string;
  title: string;
  startsAt: Date;
  status: 'scheduled' | 'cancelled';
  attendance: AttendanceStatus | null;
}

/** One contribution line of the community to a project of the club, with its latest review status. */
export interface ContributionRecord {
  projectId: string;
  projectTitle: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'superseded';
  confirmedAt: Date | null;
}

export interface SponsorshipRecord {
  id: string;
  /** The sponsoring community: its name is printed by the naming rule for each reader. */
  sponsorCommunityId: string;
  createdAt: Date;
  withdrawnAt: Date | null;
}

/** An official concern still open on the candidacy. Reviews do not exist yet: callers pass `[]`. */
export interface ConcernRecord {
  id: string;
  title: string;
  raisedAt: Date;
}

export type TransparencyProfile = Record<TransparencyField, string | number | null>;

export interface PathwayRecords {
  now: Date;
  /** When the participation first became observer (from its events); `null` while it is not one yet. */
  observerSince: Date | null;
  meetings: readonly MeetingRecord[];
  contributions: readonly ContributionRecord[];
  profile: TransparencyProfile;
  sponsorships: readonly SponsorshipRecord[];
  openConcerns: readonly ConcernRecord[];
}

export interface MilestoneFigure {
  current: number;
  required: number | null;
  attended?: number;
  /** Held, non-cancelled meetings since the observer date, excused ones left out. */
  counted?: number;
  /** Percent, rounded down; `null` when no meeting counts yet. */
  rate?: number | null;
  missing?: TransparencyField[];
}

export interface MilestoneEvidence {
  kind: 'meeting' | 'project' | 'sponsorship' | 'concern';
  id: string;
  /** For a sponsorship: empty — the sponsor is named per reader from `communityId` (docs/domain.md, P3). */
  title: string;
  /** The community the evidence names (a sponsor). */
  communityId?: string;
  /** YYYY-MM-DD in Asia/Almaty. */
  date: string | null;
  detail?: string;
}

export interface Milestone {
  key: MilestoneKey;
  enabled: boolean;
  met: boolean;
  figure: MilestoneFigure;
  evidence: MilestoneEvidence[];
}

/** What remains, as data the UI translates ("attend 1 more meeting"). */
export interface NextStep {
  key: NextStepKey;
  count: number | null;
  fields: TransparencyField[] | null;
  /** YYYY-MM-DD in Asia/Almaty. */
  until: string | null;
}

export interface PathwayProgress {
  milestones: Milestone[];
  nextSteps: NextStep[];
  /** Every enabled milestone is met. */
  allMet: boolean;
}

interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PATHWAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of an instant in Asia/Almaty. */
export function almatyDate(at: Date): string {
  return dateFormat.format(at);
}

function localDate(at: Date): LocalDate {
  const [year, month, day] = almatyDate(at).split('-').map(Number);
  return { year, month, day };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `date` plus `months` calendar months; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

const compare = (a: LocalDate, b: LocalDate) => a.year - b.year || a.month - b.month || a.day - b.day;
const format = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Whole calendar months from `since` to `now`, both taken as Asia/Almaty dates. */
export function completedMonths(since: Date, now: Date): number {
  const start = localDate(since);
  const today = localDate(now);
  let months = (today.year - start.year) * 12 + (today.month - start.month);
  if (months < 0) return 0;
  while (months > 0 && compare(addCalendarMonths(start, months), today) > 0) months -= 1;
  return months;
}

const filled = (value: string | number | null) => (typeof value === 'number' ? value > 0 : !!value && value.trim() !== '');

const off = (key: MilestoneKey, figure: MilestoneFigure, evidence: MilestoneEvidence[] = []): Milestone => ({
  key,
  enabled: false,
  met: true,
  figure,
  evidence,
});

/**
 * Computes every milestone of the pathway from the records — nothing is ticked by hand. A
 * switched-off milestone is reported with `enabled: false` and counts as met.
 */
export function computeMilestones(policy: PathwayPolicyRules, records: PathwayRecords): PathwayProgress {
  const { now, observerSince } = records;
  const milestones: Milestone[] = [];
  const nextSteps: NextStep[] = [];
  const step = (key: NextStepKey, extra: Partial<NextStep> = {}) =>
    nextSteps.push({ key, count: null, fields: null, until: null, ...extra });

  // Months as observer.
  const months = observerSince ? completedMonths(observerSince, now) : 0;
  {
    const required = policy.minMonthsAsObserver;
    const figure = { current: months, required };
    if (required === null) milestones.push(off('monthsAsObserver', figure));
    else {
      const met = !!observerSince && months >= required;
      milestones.push({
        key: 'monthsAsObserver',
        enabled: true,
        met,
        figure,
        evidence: [],
      });
      if (!met) {
        const until = observerSince ? format(addCalendarMonths(localDate(observerSince), required)) : null;
        step('waitMonths', { count: required - months, until });
      }
    }
  }

  // Meetings: the club's meetings that started since the community became observer, not cancelled.
  const held = observerSince
    ? records.meetings
        .filter((m) => m.status !== 'cancelled' && m.startsAt >= observerSince && m.startsAt <= now)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    : [];
  const attendedMeetings = held.filter((m) => m.attendance === 'present');
  const attended = attendedMeetings.length;
  const counted = held.filter((m) => m.attendance !== 'excused').length;
  const rate = counted === 0 ? null : Math.floor((attended * 100) / counted);
  const meetingEvidence = (m: MeetingRecord): MilestoneEvidence => ({
    kind: 'meeting',
    id: m.id,
    title: m.title,
    date: almatyDate(m.startsAt),
    detail: m.attendance ?? 'absent',
  });
  {
    const required = policy.minMeetingsAttended;
    const figure = { current: attended, required, attended, counted, rate };
    const evidence = attendedMeetings.map(meetingEvidence);
    if (required === null) milestones.push(off('meetingsAttended', figure, evidence));
    else {
      const met = attended >= required;
      milestones.push({ key: 'meetingsAttended', enabled: true, met, figure, evidence });
      if (!met) step('attendMeetings', { count: required - attended });
    }
  }
  {
    const required = policy.minAttendanceRate;
    const figure = { current: rate ?? 0, required, attended, counted, rate };
    const evidence = held.map(meetingEvidence);
    if (required === null) milestones.push(off('attendanceRate', figure, evidence));
    else {
      // Compared without rounding: 3 of 4 meets 75 %, 74.9 % does not.
      const met = counted > 0 ? attended * 100 >= required * counted : required === 0;
      milestones.push({ key: 'attendanceRate', enabled: true, met, figure, evidence });
      if (!met) {
        // Meetings in a row to attend to reach the rate; none can reach 100 % after a miss.
        const needed =
          required >= 100 ? (attended === counted ? 1 : null) : Math.max(1, Math.ceil((required * counted - 100 * attended) / (100 - required)));
        step('raiseAttendance', { count: needed });
      }
    }
  }

  // Joint projects: distinct projects of the club with at least one confirmed contribution.
  const projects = new Map<string, MilestoneEvidence>();
  for (const c of records.contributions) {
    if (c.status !== 'confirmed') continue;
    const date = c.confirmedAt ? almatyDate(c.confirmedAt) : null;
    const known = projects.get(c.projectId);
    if (!known || (date && (!known.date || date > known.date))) {
      projects.set(c.projectId, { kind: 'project', id: c.projectId, title: c.projectTitle, date });
    }
  }
  {
    const required = policy.minJointProjects;
    const figure = { current: projects.size, required };
    const evidence = [...projects.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
    if (required === null) milestones.push(off('jointProjects', figure, evidence));
    else {
      const met = projects.size >= required;
      milestones.push({ key: 'jointProjects', enabled: true, met, figure, evidence });
      if (!met) step('joinProjects', { count: required - projects.size });
    }
  }

  // Transparency profile.
  {
    const required = TRANSPARENCY_FIELDS.filter((f) => policy.transparencyFields.includes(f));
    const missing = required.filter((f) => !filled(records.profile[f]));
    const figure = { current: required.length - missing.length, required: required.length || null, missing };
    if (required.length === 0) milestones.push(off('transparency', { current: 0, required: null, missing: [] }));
    else {
      const met = missing.length === 0;
      milestones.push({ key: 'transparency', enabled: true, met, figure, evidence: [] });
      if (!met) step('completeProfile', { count: missing.length, fields: missing });
    }
  }

  // Sponsors: live (not withdrawn) sponsorships by member communities.
  const sponsors = records.sponsorships
    .filter((s) => s.withdrawnAt === null)
    .map<MilestoneEvidence>((s) => ({ kind: 'sponsorship', id: s.id, title: '', communityId: s.sponsorCommunityId, date: almatyDate(s.createdAt) }));
  {
    const required = policy.minSponsors;
    const figure = { current: sponsors.length, required };
    if (required === null) milestones.push(off('sponsors', figure, sponsors));
    else {
      const met = sponsors.length >= required;
      milestones.push({ key: 'sponsors', enabled: true, met, figure, evidence: sponsors });
      if (!met) step('findSponsors', { count: required - sponsors.length });
    }
  }

  // No open official concern.
  {
    const concerns = records.openConcerns.map<MilestoneEvidence>((c) => ({
      kind: 'concern',
      id: c.id,
      title: c.title,
      date: almatyDate(c.raisedAt),
    }));
    const figure = { current: concerns.length, required: 0 };
    if (!policy.noOpenConcern) milestones.push(off('noOpenConcern', figure, concerns));
    else {
      const met = concerns.length === 0;
      milestones.push({ key: 'noOpenConcern', enabled: true, met, figure, evidence: concerns });
      if (!met) step('resolveConcern', { count: concerns.length });
    }
  }

  return { milestones, nextSteps, allMet: milestones.every((m) => m.met) };
}
