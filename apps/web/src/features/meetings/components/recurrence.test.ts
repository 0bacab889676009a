import { describe, expect, it } from 'vitest';
import { almatyToUtc, firstWeekdayOfNextMonth, toAlmaty } from '../../../lib/almaty-time';
import { buildRrule, weekdayPosition } from './recurrence';

describe('repeat rules', () => {
  it('builds "first Tuesday of every month" from a first-Tuesday date', () => {
    expect(buildRrule('monthly_weekday', '2026-12-01', { count: 6 })).toBe('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;COUNT=6');
  });

  it('uses the last weekday for a fifth one, and the day of the month or week otherwise', () => {
    expect(weekdayPosition('2026-12-29')).toBe(-1);
    expect(buildRrule('monthly_weekday', '2026-12-17', { count: 3 })).toBe('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=3;COUNT=3');
    expect(buildRrule('monthly_day', '2026-12-15', { count: 4 })).toBe('FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4');
    expect(buildRrule('weekly', '2026-12-04', { count: 8 })).toBe('FREQ=WEEKLY;BYDAY=FR;COUNT=8');
    expect(buildRrule('none', '2026-12-04', { count: 8 })).toBeNull();
  });

  it('ends on a date instead of after a count', () => {
    expect(buildRrule('weekly', '2026-12-04', { until: '2027-06-25' })).toBe('FREQ=WEEKLY;BYDAY=FR;UNTIL=20270625');
  });
});

describe('Almaty time', () => {
  it('turns Almaty wall time into UTC and back, whatever the machine zone', () => {
    expect(almatyToUtc('2026-12-01', '18:00')).toBe('2026-12-01T13:00:00.000Z');
    expect(almatyToUtc('2027-01-01', '02:30')).toBe('2026-12-31T21:30:00.000Z');
    expect(toAlmaty('2026-12-31T21:30:00.000Z')).toMatchObject({ date: '2027-01-01', time: '02:30' });
  });

  it("finds next month's first Tuesday", () => {
    expect(firstWeekdayOfNextMonth('2026-11-25', 2)).toBe('2026-12-01');
    expect(firstWeekdayOfNextMonth('2026-12-31', 2)).toBe('2027-01-05');
  });
});
