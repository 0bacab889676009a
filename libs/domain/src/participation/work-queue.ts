import { almatyDate } from '../pathway/milestones';

/**
 * What waits for a coordinator in its clubs (the "To do" page, docs/domain.md § 3.4): each kind is
 * done on its own page — applications on the club's applications, candidacies on the progress page,
 * project proposals, join requests and contributions on the project, minutes and overdue action
 * items on the meeting.
 */
export const WORK_ITEM_KINDS = ['application', 'candidacy', 'project_proposed', 'join_request', 'contribution', 'minutes', 'action_item'] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/** An application waiting more than this many Almaty calendar days is overdue. */
export const APPLICATION_OVERDUE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Almaty calendar days from `since` to `now` (0 on the same day). */
export function almatyDaysBetween(since: Date, now: Date): number {
  return Math.round((Date.parse(almatyDate(now)) - Date.parse(almatyDate(since))) / DAY_MS);
}

/** Whether an application made at `appliedAt` has waited too long for an answer. */
export function isApplicationOverdue(appliedAt: Date, now: Date): boolean {
  return almatyDaysBetween(appliedAt, now) > APPLICATION_OVERDUE_DAYS;
}
