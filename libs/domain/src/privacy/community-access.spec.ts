import { officialCovers, type ViewerContext, type ViewerRole } from '../access/viewer';
import { REGISTRATION_STATUSES, type ParticipationStatus } from '../participation/participation-status';
import { CommunityPrivacyFacts, communityAccess, officialMayRead, showsOnClubPage } from './community-access';

const CLUB = 'club-almaty';
const OTHER_CLUB = 'club-astana';

const nonRegistered = (overrides: Partial<CommunityPrivacyFacts> = {}): CommunityPrivacyFacts => ({
  communityId: 'grace',
  registrationStatus: 'not_registered',
  isPublic: false,
  officialConsent: false,
  participations: [{ clubId: CLUB, status: 'observer', regionCode: 'almaty-city' }],
  ...overrides,
});

const role = (r: Partial<ViewerRole> & Pick<ViewerRole, 'role'>): ViewerRole => ({ clubId: null, communityId: null, region: null, ...r });
const viewer = (roles: ViewerRole[] = [], participations: ViewerContext['participations'] = []): ViewerContext => ({
  userId: 'u',
  roles,
  participations,
});
const representative = viewer([role({ role: 'representative', communityId: 'grace' })]);
const coordinatorOf = (clubId: string) => viewer([role({ role: 'coordinator', clubId })]);
const participantOf = (clubId: string, status: ParticipationStatus = 'member') =>
  viewer([role({ role: 'representative', communityId: 'mosque' })], [{ communityId: 'mosque', clubId, status }]);
const officialOf = (region: string | null) => viewer([role({ role: 'official', region })]);
const administrator = viewer([role({ role: 'administrator' })]);

describe('community privacy', () => {
  it('hides a non-registered community from the public', () => {
    expect(communityAccess(nonRegistered(), null).access).toBe('hidden');
  });

  it.each(['not_registered', 'registration_pending'] as const)('treats %s as sensitive', (registrationStatus) => {
    expect(communityAccess(nonRegistered({ registrationStatus }), viewer()).access).toBe('hidden');
  });

  it('shows a registered community profile to anyone, without contacts', () => {
    expect(communityAccess(nonRegistered({ registrationStatus: 'registered' }), null).access).toBe('profile');
  });

  it('shows a non-registered community publicly once it opted in', () => {
    expect(communityAccess(nonRegistered({ isPublic: true }), null).access).toBe('profile');
  });

  it('gives the community itself its contact details', () => {
    expect(communityAccess(nonRegistered(), representative).access).toBe('contacts');
  });

  it('gives contacts to the coordinator of a club it applied to, even after a decline', () => {
    const declined = nonRegistered({ participations: [{ clubId: CLUB, status: 'declined', regionCode: 'almaty-city' }] });
    expect(communityAccess(declined, coordinatorOf(CLUB)).access).toBe('contacts');
  });

  it('gives contacts to the coordinators of the club it was created through on its behalf, on that club only', () => {
    const created = nonRegistered({ registrationStatus: 'registration_pending', participations: [], createdViaClubId: CLUB });
    expect(communityAccess(created, coordinatorOf(CLUB)).access).toBe('contacts');
    expect(communityAccess(created, coordinatorOf(CLUB), OTHER_CLUB).access).toBe('hidden');
    expect(communityAccess(created, coordinatorOf(OTHER_CLUB)).access).toBe('hidden');
  });

  it("does not give contacts to another club's coordinator", () => {
    expect(communityAccess(nonRegistered(), coordinatorOf(OTHER_CLUB)).access).toBe('hidden');
  });

  it('shows the name to participants of the same club, who meet it in person', () => {
    expect(communityAccess(nonRegistered(), participantOf(CLUB)).access).toBe('profile');
    expect(communityAccess(nonRegistered(), participantOf(OTHER_CLUB)).access).toBe('hidden');
  });

  it('does not count a pending application of the reader as taking part', () => {
    expect(communityAccess(nonRegistered(), participantOf(CLUB, 'applied')).access).toBe('hidden');
    expect(communityAccess(nonRegistered(), participantOf(CLUB, 'withdrawn')).access).toBe('hidden');
  });

  it('does not show a pending applicant to the participants of the club', () => {
    const applicant = nonRegistered({ participations: [{ clubId: CLUB, status: 'applied', regionCode: 'almaty-city' }] });
    expect(communityAccess(applicant, participantOf(CLUB)).access).toBe('hidden');
  });

  it('shows an official the record only with consent, within the region, and records the read', () => {
    expect(communityAccess(nonRegistered(), officialOf('almaty-city'))).toEqual({ access: 'hidden', recordRead: false });
    expect(communityAccess(nonRegistered({ officialConsent: true }), officialOf('almaty-city'))).toEqual({ access: 'profile', recordRead: true });
    expect(communityAccess(nonRegistered({ officialConsent: true }), officialOf('astana-city')).access).toBe('hidden');
    expect(communityAccess(nonRegistered({ officialConsent: true }), officialOf(null)).access).toBe('profile');
  });

  it('records an official reading a non-registered community even when it chose to be public', () => {
    expect(communityAccess(nonRegistered({ isPublic: true }), officialOf('astana-city'))).toEqual({ access: 'profile', recordRead: true });
    expect(communityAccess(nonRegistered({ isPublic: true }), null).recordRead).toBe(false);
  });

  it("records the administrator's reads of a protected community (P12), not of a registered one", () => {
    expect(communityAccess(nonRegistered(), administrator)).toEqual({ access: 'profile', recordRead: true });
    expect(communityAccess(nonRegistered({ registrationStatus: 'registered' }), administrator)).toEqual({ access: 'profile', recordRead: false });
  });

  it('does not record a read by someone who meets the community anyway, official or not', () => {
    const officialAndParticipant = viewer(
      [role({ role: 'official', region: null }), role({ role: 'representative', communityId: 'mosque' })],
      [{ communityId: 'mosque', clubId: CLUB, status: 'member' }],
    );
    expect(communityAccess(nonRegistered({ officialConsent: true }), officialAndParticipant)).toEqual({ access: 'profile', recordRead: false });
  });

  it('does not record an official reading a registered community', () => {
    expect(communityAccess(nonRegistered({ registrationStatus: 'registered' }), officialOf(null))).toEqual({ access: 'profile', recordRead: false });
  });

  it('narrows to one club on a club page', () => {
    const community = nonRegistered({
      participations: [
        { clubId: CLUB, status: 'observer', regionCode: 'almaty-city' },
        { clubId: OTHER_CLUB, status: 'member', regionCode: 'astana-city' },
      ],
    });
    expect(communityAccess(community, participantOf(OTHER_CLUB)).access).toBe('profile');
    expect(communityAccess(community, participantOf(OTHER_CLUB), CLUB).access).toBe('hidden');
  });

  describe('club page rows', () => {
    const registeredApplicant = nonRegistered({
      registrationStatus: 'registered',
      participations: [{ clubId: CLUB, status: 'applied', regionCode: 'almaty-city' }],
    });

    it('shows pending applications only to the coordinators and the applicant', () => {
      expect(showsOnClubPage('applied', registeredApplicant, null, CLUB).access).toBe('hidden');
      expect(showsOnClubPage('applied', registeredApplicant, participantOf(CLUB), CLUB).access).toBe('hidden');
      expect(showsOnClubPage('applied', registeredApplicant, coordinatorOf(CLUB), CLUB).access).toBe('contacts');
      expect(showsOnClubPage('applied', registeredApplicant, representative, CLUB).access).toBe('contacts');
    });

    it('never lists closed participations', () => {
      expect(showsOnClubPage('withdrawn', registeredApplicant, coordinatorOf(CLUB), CLUB).access).toBe('hidden');
    });
  });
});

describe('which participation records an official reads by name', () => {
  const record = (registrationStatus: (typeof REGISTRATION_STATUSES)[number], officialConsent: boolean) => ({
    regionCode: 'almaty-city',
    community: { registrationStatus, officialConsent },
  });

  it.each(REGISTRATION_STATUSES.flatMap((status) => [true, false].map((consent) => [status, consent] as const)))(
    'out of scope: never (%s, consent %s)',
    (registrationStatus, consent) => {
      expect(officialMayRead(officialOf('astana-city'), record(registrationStatus, consent))).toBe(false);
    },
  );

  it('in scope: a registered community, with or without consent', () => {
    expect(officialMayRead(officialOf('almaty-city'), record('registered', false))).toBe(true);
    expect(officialMayRead(officialOf(null), record('registered', true))).toBe(true);
  });

  it.each(['not_registered', 'registration_pending'] as const)('in scope: a %s community only with its consent', (registrationStatus) => {
    expect(officialMayRead(officialOf('almaty-city'), record(registrationStatus, true))).toBe(true);
    expect(officialMayRead(officialOf('almaty-city'), record(registrationStatus, false))).toBe(false);
  });

  it('never for someone who is no official', () => {
    expect(officialMayRead(administrator, record('registered', true))).toBe(false);
    expect(officialMayRead(null, record('registered', true))).toBe(false);
  });
});

describe('official scope', () => {
  it('covers a club in one of the official regions', () => {
    expect(officialCovers(['almaty-city'], 'almaty-city')).toBe(true);
    expect(officialCovers(['astana-city', 'almaty-city'], 'almaty-city')).toBe(true);
  });

  it('does not cover another region', () => {
    expect(officialCovers(['astana-city'], 'almaty-city')).toBe(false);
  });

  it('covers the whole country for a national official', () => {
    expect(officialCovers([null], 'almaty-city')).toBe(true);
    expect(officialCovers(['astana-city', null], 'almaty-city')).toBe(true);
  });

  it('covers nothing for someone who is no official', () => {
    expect(officialCovers([], 'almaty-city')).toBe(false);
  });
});
