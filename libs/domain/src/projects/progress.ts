/** A project's progress bar: milestones done out of all milestones. */
export interface Progress {
  done: number;
  total: number;
  /** 0..100, rounded down so a bar shows 100 only when everything is done; 0 without milestones. */
  percent: number;
}

export function projectProgress(milestones: ReadonlyArray<{ done: boolean }>): Progress {
  const total = milestones.length;
  const done = milestones.filter((m) => m.done).length;
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}

/** A milestone not done whose due date (`YYYY-MM-DD`) is before `today` (Asia/Almaty calendar date). */
export function isMilestoneOverdue(milestone: { done: boolean; dueOn: string | null }, today: string): boolean {
  return !milestone.done && milestone.dueOn !== null && milestone.dueOn < today;
}
