import { almatyDaysBetween, APPLICATION_OVERDUE_DAYS, isApplicationOverdue } from './work-queue';

describe('an application waiting for an answer', () => {
  const now = new Date('2026-12-03T12:00:00Z'); // 17:00 in Almaty

  it('is overdue after more than 30 Almaty calendar days', () => {
    expect(APPLICATION_OVERDUE_DAYS).toBe(30);
    expect(isApplicationOverdue(new Date('2026-11-03T06:00:00Z'), now)).toBe(false); // 30 days
    expect(isApplicationOverdue(new Date('2026-11-02T06:00:00Z'), now)).toBe(true); // 31 days
    expect(isApplicationOverdue(new Date('2025-10-01T06:00:00Z'), now)).toBe(true); // 14 months
  });

  it('counts days in Almaty: 19:30 UTC is already the next day there', () => {
    expect(almatyDaysBetween(new Date('2026-11-02T19:30:00Z'), now)).toBe(30);
    expect(almatyDaysBetween(new Date('2026-11-02T18:30:00Z'), now)).toBe(31);
    expect(almatyDaysBetween(now, now)).toBe(0);
  });
});
