import {
  addCalendarMonths,
  almatyDate,
  completedMonths,
  computeMilestones,
  type MeetingRecord,
  type Milestone,
  type MilestoneKey,
  type PathwayRecords,
} from './milestones';
import { DEFAULT_PATHWAY_POLICY, policyInForce, type PathwayPolicyRules, type PathwayPolicyVersion } from './policy';

/** An instant given as Almaty wall-clock time (UTC+5 since March 2024, UTC+6 before). */
const almaty = (local: string) => new Date(`${local}+05:00`);

const OBSERVER_SINCE = almaty('2025-01-10T12:00:00');
const NOW = almaty('2025-07-10T12:00:00');

const FULL_PROFILE = { leaders: 'Pastor A', meetingPlace: 'Abay 1', approximateSize: 40, activities: 'Soup kitchen' };

let meetingNo = 0;
function meeting(startsAt: string, attendance: MeetingRecord['attendance'], status: MeetingRecord['status'] = 'scheduled'): MeetingRecord {
  meetingNo += 1;
  return { id: `m${meetingNo}`, title: `Meeting ${meetingNo}`, startsAt: almaty(startsAt), status, attendance };
}

function monthly(count: number, attendance: MeetingRecord['attendance'] = 'present'): MeetingRecord[] {
  return Array.from({ length: count }, (_, i) => meeting(`2025-0${i + 1}-20T18:00:00`, attendance));
}

const confirmed = (projectId: string, at = '2025-03-01T10:00:00') => ({
  projectId,
  projectTitle: `Project ${projectId}`,
  status: 'confirmed' as const,
  confirmedAt: almaty(at),
});

const sponsorship = (id: string, withdrawn = false) => ({
  id,
  sponsorCommunityId: `sponsor-${id}`,
  createdAt: almaty('2025-05-01T10:00:00'),
  withdrawnAt: withdrawn ? almaty('2025-05-02T10:00:00') : null,
});

function records(overrides: Partial<PathwayRecords> = {}): PathwayRecords {
  return {
    now: NOW,
    observerSince: OBSERVER_SINCE,
    meetings: monthly(6),
    contributions: [confirmed('p1'), confirmed('p2')],
    profile: FULL_PROFILE,
    sponsorships: [sponsorship('s1'), sponsorship('s2')],
    openConcerns: [],
    ...overrides,
  };
}

const policy = (overrides: Partial<PathwayPolicyRules> = {}): PathwayPolicyRules => ({ ...DEFAULT_PATHWAY_POLICY, ...overrides });

function milestone(result: { milestones: Milestone[] }, key: MilestoneKey): Milestone {
  const found = result.milestones.find((m) => m.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

describe('computeMilestones', () => {
  it('meets every default milestone with exactly the minimum of everything', () => {
    const result = computeMilestones(policy(), records());
    expect(result.allMet).toBe(true);
    expect(result.nextSteps).toEqual([]);
    expect(result.milestones.map((m) => m.key)).toEqual([
      'monthsAsObserver',
      'meetingsAttended',
      'attendanceRate',
      'jointProjects',
      'transparency',
      'sponsors',
      'noOpenConcern',
    ]);
    expect(milestone(result, 'monthsAsObserver').figure).toEqual({ current: 6, required: 6 });
    expect(milestone(result, 'meetingsAttended').figure).toEqual({ current: 6, required: 6, attended: 6, counted: 6, rate: 100 });
    expect(milestone(result, 'jointProjects').figure).toEqual({ current: 2, required: 2 });
  });

  it('is one short of each minimum and says what remains', () => {
    const result = computeMilestones(
      policy(),
      records({
        now: almaty('2025-07-09T12:00:00'),
        meetings: [...monthly(5), meeting('2025-06-25T18:00:00', 'absent')],
        contributions: [confirmed('p1')],
        sponsorships: [sponsorship('s1')],
        profile: { ...FULL_PROFILE, meetingPlace: '  ', approximateSize: null },
      }),
    );
    expect(result.allMet).toBe(false);
    expect(result.milestones.filter((m) => !m.met).map((m) => m.key)).toEqual([
      'monthsAsObserver',
      'meetingsAttended',
      'jointProjects',
      'transparency',
      'sponsors',
    ]);
    expect(milestone(result, 'meetingsAttended').figure).toEqual({ current: 5, required: 6, attended: 5, counted: 6, rate: 83 });
    expect(milestone(result, 'attendanceRate').met).toBe(true);
    expect(result.nextSteps).toEqual([
      { key: 'waitMonths', count: 1, fields: null, until: '2025-07-10' },
      { key: 'attendMeetings', count: 1, fields: null, until: null },
      { key: 'joinProjects', count: 1, fields: null, until: null },
      { key: 'completeProfile', count: 2, fields: ['meetingPlace', 'approximateSize'], until: null },
      { key: 'findSponsors', count: 1, fields: null, until: null },
    ]);
  });

  describe('months as observer, calendar months in Asia/Almaty', () => {
    it('counts a month only once its calendar day is reached', () => {
      expect(completedMonths(almaty('2025-01-10T12:00:00'), almaty('2025-07-09T23:59:59'))).toBe(5);
      expect(completedMonths(almaty('2025-01-10T12:00:00'), almaty('2025-07-10T00:00:00'))).toBe(6);
    });

    it('reads the date in Almaty, not UTC: 00:30 on the 10th in Almaty is still the 9th in UTC', () => {
      // 2025-01-10T00:30 Almaty is 2025-01-09T19:30Z.
      const since = almaty('2025-01-10T00:30:00');
      expect(since.toISOString().slice(0, 10)).toBe('2025-01-09');
      expect(almatyDate(since)).toBe('2025-01-10');
      expect(completedMonths(since, almaty('2025-02-09T23:00:00'))).toBe(0);
      expect(completedMonths(since, almaty('2025-02-10T00:10:00'))).toBe(1);
    });

    it('ends a month that starts on the 31st on the last day of a shorter month', () => {
      expect(addCalendarMonths({ year: 2025, month: 1, day: 31 }, 1)).toEqual({ year: 2025, month: 2, day: 28 });
      expect(addCalendarMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
      expect(addCalendarMonths({ year: 2025, month: 8, day: 31 }, 6)).toEqual({ year: 2026, month: 2, day: 28 });
      expect(completedMonths(almaty('2025-01-31T10:00:00'), almaty('2025-02-27T10:00:00'))).toBe(0);
      expect(completedMonths(almaty('2025-01-31T10:00:00'), almaty('2025-02-28T10:00:00'))).toBe(1);
    });

    it('handles 29 February across leap years', () => {
      const leapDay = almaty('2024-02-29T12:00:00');
      expect(completedMonths(leapDay, almaty('2025-02-27T12:00:00'))).toBe(11);
      expect(completedMonths(leapDay, almaty('2025-02-28T12:00:00'))).toBe(12);
      expect(completedMonths(leapDay, almaty('2028-02-29T12:00:00'))).toBe(48);
      const result = computeMilestones(
        policy({ minMonthsAsObserver: 6 }),
        records({ observerSince: almaty('2023-08-31T12:00:00'), now: almaty('2024-02-28T12:00:00'), meetings: [] }),
      );
      expect(milestone(result, 'monthsAsObserver')).toMatchObject({ met: false, figure: { current: 5 } });
      expect(result.nextSteps[0]).toEqual({ key: 'waitMonths', count: 1, fields: null, until: '2024-02-29' });
    });

    it('crosses the year end', () => {
      expect(completedMonths(almaty('2024-11-15T12:00:00'), almaty('2025-05-15T08:00:00'))).toBe(6);
      expect(completedMonths(almaty('2024-11-15T12:00:00'), almaty('2024-10-01T08:00:00'))).toBe(0);
    });

    it('is not met and gives no date while the community is not yet an observer', () => {
      const result = computeMilestones(policy(), records({ observerSince: null }));
      expect(milestone(result, 'monthsAsObserver')).toMatchObject({ met: false, figure: { current: 0, required: 6 } });
      expect(milestone(result, 'meetingsAttended').figure).toMatchObject({ attended: 0, counted: 0, rate: null });
      expect(result.nextSteps[0]).toEqual({ key: 'waitMonths', count: 6, fields: null, until: null });
    });
  });

  describe('meetings and attendance rate', () => {
    it('leaves out cancelled meetings, meetings before the observer date and meetings not yet started', () => {
      const result = computeMilestones(
        policy({ minMeetingsAttended: 2, minAttendanceRate: 100 }),
        records({
          meetings: [
            meeting('2025-01-05T18:00:00', 'present'), // before becoming observer
            meeting('2025-02-05T18:00:00', 'present'),
            meeting('2025-03-05T18:00:00', null, 'cancelled'),
            meeting('2025-03-06T18:00:00', 'present', 'cancelled'),
            meeting('2025-04-05T18:00:00', 'present'),
            meeting('2025-07-10T12:00:01', null), // starts a second from now
          ],
        }),
      );
      const attendance = milestone(result, 'meetingsAttended');
      expect(attendance).toMatchObject({ met: true, figure: { attended: 2, counted: 2, rate: 100 } });
      expect(attendance.evidence.map((e) => e.date)).toEqual(['2025-02-05', '2025-04-05']);
      expect(milestone(result, 'attendanceRate').met).toBe(true);
    });

    it('counts a meeting that started exactly at the observer date and exactly now', () => {
      const result = computeMilestones(
        policy({ minMeetingsAttended: 2 }),
        records({ meetings: [{ ...meeting('2025-01-01T00:00:00', 'present'), startsAt: OBSERVER_SINCE }, { ...meeting('2025-01-01T00:00:00', 'present'), startsAt: NOW }] }),
      );
      expect(milestone(result, 'meetingsAttended').figure).toMatchObject({ attended: 2, counted: 2 });
    });

    it('takes excused meetings out of the rate but does not count them as attended', () => {
      const result = computeMilestones(
        policy(),
        records({
          meetings: [
            ...monthly(3),
            meeting('2025-04-20T18:00:00', 'absent'),
            meeting('2025-05-20T18:00:00', 'excused'),
            meeting('2025-06-20T18:00:00', 'excused'),
          ],
        }),
      );
      expect(milestone(result, 'meetingsAttended').figure).toEqual({ current: 3, required: 6, attended: 3, counted: 4, rate: 75 });
      expect(milestone(result, 'attendanceRate').met).toBe(true);
      expect(milestone(result, 'attendanceRate').evidence.map((e) => e.detail)).toEqual([
        'present',
        'present',
        'present',
        'absent',
        'excused',
        'excused',
      ]);
    });

    it('counts a meeting without an attendance row as missed', () => {
      const result = computeMilestones(policy(), records({ meetings: [...monthly(3), meeting('2025-04-20T18:00:00', null), meeting('2025-05-20T18:00:00', null)] }));
      expect(milestone(result, 'attendanceRate')).toMatchObject({ met: false, figure: { rate: 60, counted: 5 } });
    });

    it('meets 75 % exactly and misses just below it, without rounding up', () => {
      const exactly = computeMilestones(policy(), records({ meetings: [...monthly(3), meeting('2025-04-21T18:00:00', 'absent')] }));
      expect(milestone(exactly, 'attendanceRate')).toMatchObject({ met: true, figure: { rate: 75 } });
      // 8 of 11 = 72.7 %; 9 of 12 = 75 %: one more meeting in a row reaches it.
      const below = computeMilestones(
        policy(),
        records({ meetings: [...Array.from({ length: 8 }, (_, i) => meeting(`2025-02-${10 + i}T18:00:00`, 'present')), ...Array.from({ length: 3 }, (_, i) => meeting(`2025-03-${10 + i}T18:00:00`, 'absent'))] }),
      );
      expect(milestone(below, 'attendanceRate')).toMatchObject({ met: false, figure: { rate: 72 } });
      expect(below.nextSteps).toContainEqual({ key: 'raiseAttendance', count: 1, fields: null, until: null });
    });

    it('says how many meetings in a row raise the rate, and that 100 % cannot be reached after a miss', () => {
      const low = computeMilestones(policy(), records({ meetings: [meeting('2025-02-01T18:00:00', 'present'), ...Array.from({ length: 3 }, (_, i) => meeting(`2025-03-0${i + 1}T18:00:00`, 'absent'))] }));
      // 1 of 4; (1 + k) / (4 + k) >= 0.75 → k = 8.
      expect(low.nextSteps).toContainEqual({ key: 'raiseAttendance', count: 8, fields: null, until: null });
      const perfect = computeMilestones(policy({ minAttendanceRate: 100 }), records({ meetings: [meeting('2025-02-01T18:00:00', 'present'), meeting('2025-03-01T18:00:00', 'absent')] }));
      expect(perfect.nextSteps).toContainEqual({ key: 'raiseAttendance', count: null, fields: null, until: null });
    });

    it('does not meet a rate before any meeting counts', () => {
      const result = computeMilestones(policy(), records({ meetings: [meeting('2025-02-01T18:00:00', 'excused')] }));
      expect(milestone(result, 'attendanceRate')).toMatchObject({ met: false, figure: { rate: null, counted: 0 } });
      expect(computeMilestones(policy({ minAttendanceRate: 0 }), records({ meetings: [] })).milestones[2].met).toBe(true);
    });
  });

  describe('joint projects', () => {
    it('counts each project once, only with a confirmed contribution', () => {
      const result = computeMilestones(
        policy(),
        records({
          contributions: [
            confirmed('p1', '2025-02-01T10:00:00'),
            confirmed('p1', '2025-04-01T10:00:00'),
            { projectId: 'p2', projectTitle: 'Project p2', status: 'pending', confirmedAt: null },
            { projectId: 'p3', projectTitle: 'Project p3', status: 'rejected', confirmedAt: null },
          ],
        }),
      );
      const projects = milestone(result, 'jointProjects');
      expect(projects).toMatchObject({ met: false, figure: { current: 1, required: 2 } });
      expect(projects.evidence).toEqual([{ kind: 'project', id: 'p1', title: 'Project p1', date: '2025-04-01' }]);
      expect(result.nextSteps).toContainEqual({ key: 'joinProjects', count: 1, fields: null, until: null });
    });
  });

  describe('transparency, sponsors and concerns', () => {
    it('asks only for the fields the policy names', () => {
      const result = computeMilestones(
        policy({ transparencyFields: ['leaders'] }),
        records({ profile: { leaders: 'Imam B', meetingPlace: '', approximateSize: null, activities: '' } }),
      );
      expect(milestone(result, 'transparency')).toMatchObject({ met: true, figure: { current: 1, required: 1, missing: [] } });
    });

    it('counts a size of 0 as missing', () => {
      const result = computeMilestones(policy(), records({ profile: { ...FULL_PROFILE, approximateSize: 0 } }));
      expect(milestone(result, 'transparency').figure.missing).toEqual(['approximateSize']);
    });

    it('does not count a withdrawn sponsorship', () => {
      const result = computeMilestones(policy(), records({ sponsorships: [sponsorship('s1'), sponsorship('s2', true)] }));
      expect(milestone(result, 'sponsors')).toMatchObject({ met: false, figure: { current: 1, required: 2 } });
      expect(milestone(result, 'sponsors').evidence.map((e) => e.id)).toEqual(['s1']);
    });

    it('an open concern holds the pathway until it is resolved', () => {
      const result = computeMilestones(policy(), records({ openConcerns: [{ id: 'c1', title: 'Concern', raisedAt: NOW }] }));
      expect(milestone(result, 'noOpenConcern')).toMatchObject({ met: false, figure: { current: 1, required: 0 } });
      expect(result.nextSteps).toEqual([{ key: 'resolveConcern', count: 1, fields: null, until: null }]);
    });
  });

  it('reports a switched-off milestone as disabled and met, with its figure, and asks nothing for it', () => {
    const result = computeMilestones(
      {
        minMonthsAsObserver: null,
        minMeetingsAttended: null,
        minAttendanceRate: null,
        minJointProjects: null,
        transparencyFields: [],
        minSponsors: null,
        noOpenConcern: false,
      },
      records({ observerSince: null, meetings: [], contributions: [], profile: { leaders: '', meetingPlace: '', approximateSize: null, activities: '' }, sponsorships: [], openConcerns: [{ id: 'c', title: 'x', raisedAt: NOW }] }),
    );
    expect(result.allMet).toBe(true);
    expect(result.nextSteps).toEqual([]);
    expect(result.milestones.every((m) => !m.enabled && m.met)).toBe(true);
    expect(milestone(result, 'noOpenConcern').figure.current).toBe(1);
  });
});

describe('policyInForce', () => {
  const version = (clubId: string | null, n: number, at: string, rules: Partial<PathwayPolicyRules> = {}): PathwayPolicyVersion => ({
    ...policy(rules),
    clubId,
    version: n,
    createdAt: almaty(at),
  });
  const versions = [
    version(null, 1, '2025-01-01T00:00:00'),
    version(null, 2, '2025-03-01T00:00:00', { minSponsors: 1 }),
    version('club-a', 1, '2025-04-01T00:00:00', { minSponsors: 3 }),
    version('club-a', 2, '2025-06-01T00:00:00', { minSponsors: null }),
  ];

  it('takes the club override over the national default, latest version first', () => {
    expect(policyInForce(versions, 'club-a', almaty('2025-07-01T00:00:00'))).toMatchObject({ clubId: 'club-a', version: 2, minSponsors: null });
    expect(policyInForce(versions, 'club-b', almaty('2025-07-01T00:00:00'))).toMatchObject({ clubId: null, version: 2 });
  });

  it('judges by the version in force at a date (a candidacy by its nomination date)', () => {
    expect(policyInForce(versions, 'club-a', almaty('2025-05-01T00:00:00'))).toMatchObject({ clubId: 'club-a', version: 1, minSponsors: 3 });
    expect(policyInForce(versions, 'club-a', almaty('2025-02-01T00:00:00'))).toMatchObject({ clubId: null, version: 1, minSponsors: 2 });
  });

  it('judges a nomination older than every version by the first version that applied to the club', () => {
    expect(policyInForce(versions, 'club-a', almaty('2024-12-01T00:00:00'))).toMatchObject({ clubId: 'club-a', version: 1 });
    expect(policyInForce(versions, 'club-b', almaty('2024-12-01T00:00:00'))).toMatchObject({ clubId: null, version: 1 });
    expect(policyInForce([], 'club-b', almaty('2024-12-01T00:00:00'))).toBeUndefined();
  });

  it('a milestone met under one version may be unmet under the next', () => {
    const facts = records({ sponsorships: [sponsorship('s1')] });
    expect(computeMilestones(policyInForce(versions, 'club-b', almaty('2025-03-02T00:00:00'))!, facts).allMet).toBe(true);
    expect(computeMilestones(policyInForce(versions, 'club-a', almaty('2025-05-02T00:00:00'))!, facts).allMet).toBe(false);
  });
});
