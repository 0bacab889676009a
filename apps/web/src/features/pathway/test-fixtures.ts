import { DECISION_REASON_CODES } from '@dastarkhan/domain';
import type { DecisionRecord } from '../decisions/api/decisions';
import type { PathwayMilestone, PathwayPolicy, PathwayProgress, Sponsorship } from './api/pathway';

export function policy(overrides: Partial<PathwayPolicy> = {}): PathwayPolicy {
  return {
    id: 'pol-3',
    scope: 'club',
    clubId: 'club-1',
    version: 3,
    minMonthsAsObserver: 6,
    minMeetingsAttended: 6,
    minAttendanceRate: 75,
    minJointProjects: 2,
    transparencyFields: ['leaders', 'meetingPlace', 'approximateSize', 'activities'],
    minSponsors: null,
    noOpenConcern: true,
    createdAt: '2026-01-10T06:00:00.000Z',
    createdByName: 'Bolat Coordinator',
    ...overrides,
  };
}

function milestone(overrides: Partial<PathwayMilestone> & Pick<PathwayMilestone, 'key'>): PathwayMilestone {
  return {
    enabled: true,
    met: true,
    figure: { current: 0, required: null },
    evidence: [],
    ...overrides,
  } as PathwayMilestone;
}

/** An observer since March 2026: 4 of the 6 required milestones met, sponsors switched off by the club. */
export function progress(overrides: Partial<PathwayProgress> = {}): PathwayProgress {
  return {
    participationId: 'part-1',
    status: 'observer',
    observerSince: '2026-03-11T20:15:00.000Z',
    memberSince: null,
    policy: policy(),
    allMet: false,
    milestones: [
      milestone({ key: 'monthsAsObserver', figure: { current: 8, required: 6 } }),
      milestone({
        key: 'meetingsAttended',
        met: false,
        figure: { current: 5, required: 6, attended: 5, counted: 6, rate: 83 },
        evidence: [
          { kind: 'meeting', id: 'm-1', title: 'Youth and the city', date: '2026-04-07', detail: 'present' },
          { kind: 'meeting', id: 'm-2', title: 'Charity in winter', date: '2026-05-05' },
        ],
      }),
      milestone({ key: 'attendanceRate', figure: { current: 83, required: 75, attended: 5, counted: 6, rate: 83 } }),
      milestone({
        key: 'jointProjects',
        met: false,
        figure: { current: 1, required: 2 },
        evidence: [{ kind: 'project', id: 'p-1', title: 'Spring clean-up of the riverbank', date: '2026-04-20' }],
      }),
      milestone({ key: 'transparency', figure: { current: 4, required: 4, missing: [] } }),
      milestone({ key: 'sponsors', enabled: false, met: true, figure: { current: 0, required: null } }),
      milestone({ key: 'noOpenConcern', figure: { current: 0, required: 0 } }),
    ],
    nextSteps: [
      { key: 'attendMeetings', count: 1, fields: null, until: null },
      { key: 'joinProjects', count: 1, fields: null, until: null },
    ],
    decisionReasonCodes: {
      admit: [...DECISION_REASON_CODES.admit],
      defer: [...DECISION_REASON_CODES.defer],
      decline: [...DECISION_REASON_CODES.decline],
    },
    ...overrides,
  };
}

export function sponsorship(overrides: Partial<Sponsorship> = {}): Sponsorship {
  return {
    id: 'sp-1',
    participationId: 'part-1',
    sponsorCommunity: { id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' },
    statement: 'They came to every clean-up and kept their word.',
    createdAt: '2026-06-01T06:00:00.000Z',
    createdByName: 'Nurlan Rep',
    ...overrides,
  } as Sponsorship;
}

/** A decision record: a deferral of a candidacy unless overridden. */
export function decisionRecord(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: 'dec-1',
    participationId: 'part-1',
    eventSequence: 4,
    outcome: 'defer',
    fromStatus: 'candidate',
    reasonCode: 'more_participation_needed',
    reasonText: 'Please come to the spring meetings first.',
    overrideReason: null,
    earliestReapplyOn: '2026-09-15',
    milestoneSnapshot: progress({ status: 'candidate' }),
    deciderName: 'Bolat Coordinator',
    decidedAt: '2026-06-15T06:00:00.000Z',
    appealDeadline: '2026-07-15',
    canAppeal: false,
    appeal: null,
    ...overrides,
  };
}
