/** What the conflict check needs to know of a meeting (a stored one or one being planned). */
export interface SchedulableMeeting {
  /** Absent for a meeting not saved yet. */
  id?: string | null;
  clubId: string;
  startsAt: Date;
  endsAt: Date;
  status?: 'scheduled' | 'cancelled';
  format: 'in_person' | 'online' | 'hybrid';
  /** Free-text venue. */
  venue?: string | null;
  /** A community's place of worship as venue. */
  venueCommunityId?: string | null;
}

export type MeetingConflictKind = 'club' | 'venue';

export interface MeetingConflict<M extends SchedulableMeeting = SchedulableMeeting> {
  kind: MeetingConflictKind;
  meeting: M;
}

/** Free-text venues compare without case, spacing or Unicode form: "Main  Hall" = "main hall" = "MainHall". */
export function normalizeVenue(venue: string): string {
  return venue.normalize('NFKC').toLocaleLowerCase('en-US').replace(/\s+/g, '');
}

/** Half-open intervals: a meeting ending at 18:00 and one starting at 18:00 do not overlap. */
export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** Same place: the same community's venue, or the same free-text venue. Online meetings have no place. */
export function sameVenue(a: SchedulableMeeting, b: SchedulableMeeting): boolean {
  if (a.format === 'online' || b.format === 'online') return false;
  if (a.venueCommunityId && b.venueCommunityId) return a.venueCommunityId === b.venueCommunityId;
  const [venueA, venueB] = [a.venue, b.venue].map((venue) => (venue ? normalizeVenue(venue) : ''));
  return venueA !== '' && venueA === venueB;
}

/**
 * The scheduled meetings `candidate` would clash with: the same club at an overlapping time, or
 * the same venue at an overlapping time (whatever the club). A meeting clashing on both counts
 * is reported once, as `club`. Cancelled meetings and the candidate itself (when it is being
 * edited) never conflict.
 */
export function findConflicts<M extends SchedulableMeeting>(candidate: SchedulableMeeting, existing: readonly M[]): MeetingConflict<M>[] {
  if (candidate.status === 'cancelled') return [];
  const conflicts: MeetingConflict<M>[] = [];
  for (const meeting of existing) {
    if (meeting.status === 'cancelled') continue;
    if (candidate.id && meeting.id === candidate.id) continue;
    if (!overlaps(candidate, meeting)) continue;
    if (meeting.clubId === candidate.clubId) conflicts.push({ kind: 'club', meeting });
    else if (sameVenue(candidate, meeting)) conflicts.push({ kind: 'venue', meeting });
  }
  return conflicts.sort((a, b) => a.meeting.startsAt.getTime() - b.meeting.startsAt.getTime());
}
