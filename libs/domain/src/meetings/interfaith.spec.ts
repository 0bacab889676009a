import type { Tradition } from '../participation/participation-status';
import { HolidayFacts, interfaithWarnings, localDatesOf, ObservanceFacts, observanceSpanDays } from './interfaith';

const HOLIDAYS: HolidayFacts[] = [
  { code: 'oraza_ait', tradition: 'sunni_islam', date: '2026-03-20', days: 1 },
  { code: 'nauryz', tradition: null, date: '2026-03-21', days: 3 },
  { code: 'passover', tradition: 'judaism', date: '2026-04-02', days: 8 },
  { code: 'western_easter', tradition: 'catholic', date: '2026-04-05', days: 1 },
  { code: 'western_easter', tradition: 'lutheran', date: '2026-04-05', days: 1 },
  { code: 'western_easter', tradition: 'evangelical_protestant', date: '2026-04-05', days: 1 },
];

/** A meeting in Almaty wall time (UTC+5 in 2026). */
const local = (date: string, from: string, to: string) => ({
  startsAt: new Date(`${date}T${from}:00+05:00`),
  endsAt: new Date(`${date}T${to}:00+05:00`),
});

const OBSERVANCES: ObservanceFacts[] = [
  { code: 'friday_prayer', tradition: 'sunni_islam', weekday: 5, startTime: '12:00', endWeekday: 5, endTime: '14:30' },
  { code: 'shabbat', tradition: 'judaism', weekday: 5, startTime: '16:00', endWeekday: 6, endTime: '21:30' },
  { code: 'sunday_liturgy', tradition: 'russian_orthodox', weekday: 7, startTime: '08:00', endWeekday: 7, endTime: '12:00' },
];

const summary = (warnings: ReturnType<typeof interfaithWarnings>) =>
  warnings.map((w) => [w.kind, w.date, w.kind === 'holiday' ? w.holiday.code : w.observance.code, w.traditions]);

const observe = (meeting: { startsAt: Date; endsAt: Date }, traditions: Tradition[]) => interfaithWarnings(meeting, traditions, [], OBSERVANCES);

describe('interfaithWarnings: weekly observances', () => {
  // 2026-04-10 is a Friday.
  it('warns when a Friday meeting overlaps 12:00–14:30 and a Sunni Muslim community takes part', () => {
    expect(summary(observe(local('2026-04-10', '11:00', '12:30'), ['sunni_islam', 'catholic']))).toEqual([
      ['observance', '2026-04-10', 'friday_prayer', ['sunni_islam']],
    ]);
    expect(observe(local('2026-04-10', '14:00', '16:00'), ['sunni_islam'])).toHaveLength(1);
  });

  it('does not warn without a community of that tradition', () => {
    expect(observe(local('2026-04-10', '12:00', '14:00'), ['catholic', 'buddhism'])).toEqual([]);
  });

  it('does not warn for meetings touching the window or on other days', () => {
    expect(observe(local('2026-04-10', '10:00', '12:00'), ['sunni_islam'])).toEqual([]);
    expect(observe(local('2026-04-10', '14:30', '16:00'), ['sunni_islam'])).toEqual([]);
    expect(observe(local('2026-04-09', '12:00', '14:00'), ['sunni_islam'])).toEqual([]); // Thursday
  });

  it('warns of Shabbat for a Friday 19:00 meeting with a Jewish community, and on Saturday until its end', () => {
    expect(summary(observe(local('2026-04-10', '19:00', '21:00'), ['judaism', 'sunni_islam']))).toEqual([
      ['observance', '2026-04-10', 'shabbat', ['judaism']],
    ]);
    expect(summary(observe(local('2026-04-11', '10:00', '12:00'), ['judaism']))).toEqual([['observance', '2026-04-11', 'shabbat', ['judaism']]]);
    expect(observe(local('2026-04-11', '21:30', '22:30'), ['judaism'])).toEqual([]);
    expect(observe(local('2026-04-10', '13:00', '15:00'), ['judaism'])).toEqual([]);
  });

  it('warns for every tradition present: Friday 12:00–20:00 concerns both the Sunni and the Jewish community', () => {
    expect(summary(observe(local('2026-04-10', '12:00', '20:00'), ['judaism', 'sunni_islam', 'russian_orthodox']))).toEqual([
      ['observance', '2026-04-10', 'friday_prayer', ['sunni_islam']],
      ['observance', '2026-04-10', 'shabbat', ['judaism']],
    ]);
    expect(summary(observe(local('2026-04-12', '10:00', '11:00'), ['russian_orthodox']))).toEqual([
      ['observance', '2026-04-12', 'sunday_liturgy', ['russian_orthodox']],
    ]);
  });

  it('uses Almaty time, not UTC (Friday 13:00 local is 08:00 UTC)', () => {
    const meeting = { startsAt: new Date('2026-04-10T08:00:00Z'), endsAt: new Date('2026-04-10T09:00:00Z') };
    expect(observe(meeting, ['sunni_islam'])).toHaveLength(1);
    // 12:30 UTC is 17:30 local: after the prayer.
    expect(observe({ startsAt: new Date('2026-04-10T12:30:00Z'), endsAt: new Date('2026-04-10T13:30:00Z') }, ['sunni_islam'])).toEqual([]);
  });

  it('uses the offset in force at the date (UTC+6 before March 2024)', () => {
    // Friday 2024-02-23, Almaty at UTC+6: the prayer is 06:00–08:30 UTC (it would be 07:00–09:30 at UTC+5).
    const utc = (from: string, to: string) => ({ startsAt: new Date(`2024-02-23T${from}:00Z`), endsAt: new Date(`2024-02-23T${to}:00Z`) });
    expect(observe(utc('05:30', '06:30'), ['sunni_islam'])).toHaveLength(1);
    expect(observe(utc('08:35', '09:00'), ['sunni_islam'])).toEqual([]);
  });

  it('knows how many days a window spans, and refuses one that ends before it starts', () => {
    expect(observanceSpanDays(OBSERVANCES[0])).toBe(0);
    expect(observanceSpanDays(OBSERVANCES[1])).toBe(1);
    expect(observanceSpanDays({ weekday: 5, startTime: '14:00', endWeekday: 5, endTime: '12:00' })).toBeNull();
  });
});

describe('interfaithWarnings: holidays', () => {
  it('warns about a holiday of an invited tradition on the meeting date', () => {
    expect(summary(interfaithWarnings(local('2026-03-20', '18:00', '20:00'), ['sunni_islam', 'catholic'], HOLIDAYS))).toEqual([
      ['holiday', '2026-03-20', 'oraza_ait', ['sunni_islam']],
    ]);
  });

  it('ignores a holiday of a tradition that is not invited', () => {
    expect(interfaithWarnings(local('2026-03-20', '18:00', '20:00'), ['catholic'], HOLIDAYS)).toEqual([]);
  });

  it('warns about national holidays whoever is invited, over every day they last', () => {
    for (const date of ['2026-03-21', '2026-03-22', '2026-03-23']) {
      expect(summary(interfaithWarnings(local(date, '18:00', '20:00'), ['catholic', 'judaism'], HOLIDAYS))).toEqual([
        ['holiday', date, 'nauryz', ['catholic', 'judaism']],
      ]);
    }
    expect(interfaithWarnings(local('2026-03-24', '18:00', '20:00'), ['catholic'], HOLIDAYS)).toEqual([]);
    expect(summary(interfaithWarnings(local('2026-03-21', '18:00', '20:00'), [], HOLIDAYS))).toEqual([['holiday', '2026-03-21', 'nauryz', []]]);
  });

  it('covers every day of a multi-day holiday and no day after it', () => {
    expect(interfaithWarnings(local('2026-04-09', '18:00', '20:00'), ['judaism'], HOLIDAYS)).toHaveLength(1);
    expect(interfaithWarnings(local('2026-04-10', '18:00', '20:00'), ['judaism'], HOLIDAYS)).toEqual([]);
    expect(interfaithWarnings(local('2026-04-01', '18:00', '20:00'), ['judaism'], HOLIDAYS)).toEqual([]);
  });

  it('uses the local date: 00:30 in Almaty on the holiday is still the previous day in UTC', () => {
    const meeting = { startsAt: new Date('2026-03-19T19:30:00Z'), endsAt: new Date('2026-03-19T20:30:00Z') };
    expect(summary(interfaithWarnings(meeting, ['sunni_islam'], HOLIDAYS))).toEqual([['holiday', '2026-03-20', 'oraza_ait', ['sunni_islam']]]);
  });

  it('merges one holiday stored per tradition into one warning naming the invited traditions', () => {
    expect(summary(interfaithWarnings(local('2026-04-05', '18:00', '20:00'), ['catholic', 'lutheran', 'buddhism'], HOLIDAYS))).toEqual([
      ['holiday', '2026-04-05', 'western_easter', ['catholic', 'lutheran']],
    ]);
  });

  it('gives Friday prayer and holidays together, with the holiday record attached', () => {
    const warnings = interfaithWarnings(local('2026-03-20', '12:00', '13:00'), ['sunni_islam'], HOLIDAYS, OBSERVANCES);
    expect(summary(warnings)).toEqual([
      ['observance', '2026-03-20', 'friday_prayer', ['sunni_islam']],
      ['holiday', '2026-03-20', 'oraza_ait', ['sunni_islam']],
    ]);
    expect(warnings[1]).toMatchObject({ holiday: HOLIDAYS[0] });
  });

  it('a meeting past midnight touches both local dates', () => {
    expect(localDatesOf(local('2026-03-20', '22:00', '23:59'))).toEqual(['2026-03-20']);
    expect(localDatesOf({ startsAt: new Date('2026-03-20T17:00:00Z'), endsAt: new Date('2026-03-20T20:00:00Z') })).toEqual([
      '2026-03-20',
      '2026-03-21',
    ]);
    // Ending exactly at midnight does not touch the next day.
    expect(localDatesOf({ startsAt: new Date('2026-03-20T17:00:00Z'), endsAt: new Date('2026-03-20T19:00:00Z') })).toEqual(['2026-03-20']);
  });
});
