import { CommunityPrivacyFacts, communityAccess, officialCovers, showsOnClubPage, ViewerFacts } from './community-access';

const CLUB = 'club-almaty';
const OTHER_CLUB = 'club-astana';

const nonRegistered = (overrides: Partial<CommunityPrivacyFacts> = {}): CommunityPrivacyFacts => ({
  registrationStatus: 'not_registered',
  isPublic: false,
  officialConsent: false,
  participations: [{ clubId: CLUB, status: 'observer', regionCode: 'almaty-city' }],
  ...overrides,
});

const viewer = (overrides: Partial<ViewerFacts> = {}): ViewerFacts => ({
  isAdministrator: false,
  representsCommunity: false,
  coordinatedClubIds: [],
  participantClubIds: [],
  officialRegions: [],
  ...overrides,
});

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
    expect(communityAccess(nonRegistered(), viewer({ representsCommunity: true })).access).toBe('contacts');
  });

  it('gives contacts to the coordinator of a club it applied to, even after a decline', () => {
    const declined = nonRegistered({ participations: [{ clubId: CLUB, status: 'declined', regionCode: 'almaty-city' }] });
    expect(communityAccess(declined, viewer({ coordinatedClubIds: [CLUB] })).access).toBe('contacts');
  });

  it("does not give contacts to another club's coordinator", () => {
    expect(communityAccess(nonRegistered(), viewer({ coordinatedClubIds: [OTHER_CLUB] })).access).toBe('hidden');
  });

  it('shows the name to participants of the same club, who meet it in person', () => {
    expect(communityAccess(nonRegistered(), viewer({ participantClubIds: [CLUB] })).access).toBe('profile');
    expect(communityAccess(nonRegistered(), viewer({ participantClubIds: [OTHER_CLUB] })).access).toBe('hidden');
  });

  it('does not show a pending applicant to the participants of the club', () => {
    const applicant = nonRegistered({ participations: [{ clubId: CLUB, status: 'applied', regionCode: 'almaty-city' }] });
    expect(communityAccess(applicant, viewer({ participantClubIds: [CLUB] })).access).toBe('hidden');
  });

  it('shows an official the record only with consent, within the region, and logs the read', () => {
    const official = viewer({ officialRegions: ['almaty-city'] });
    expect(communityAccess(nonRegistered(), official)).toEqual({ access: 'hidden', logOfficialRead: false });
    expect(communityAccess(nonRegistered({ officialConsent: true }), official)).toEqual({
      access: 'profile',
      logOfficialRead: true,
    });
    const elsewhere = viewer({ officialRegions: ['astana-city'] });
    expect(communityAccess(nonRegistered({ officialConsent: true }), elsewhere).access).toBe('hidden');
    const national = viewer({ officialRegions: [null] });
    expect(communityAccess(nonRegistered({ officialConsent: true }), national).access).toBe('profile');
  });

  it('logs an official reading a non-registered community even when it chose to be public', () => {
    expect(communityAccess(nonRegistered({ isPublic: true }), viewer({ officialRegions: ['astana-city'] }))).toEqual({
      access: 'profile',
      logOfficialRead: true,
    });
    expect(communityAccess(nonRegistered({ isPublic: true }), null).logOfficialRead).toBe(false);
  });

  it('does not log an official reading a registered community', () => {
    const decision = communityAccess(nonRegistered({ registrationStatus: 'registered' }), viewer({ officialRegions: [null] }));
    expect(decision).toEqual({ access: 'profile', logOfficialRead: false });
  });

  it('narrows to one club on a club page', () => {
    const community = nonRegistered({
      participations: [
        { clubId: CLUB, status: 'observer', regionCode: 'almaty-city' },
        { clubId: OTHER_CLUB, status: 'member', regionCode: 'astana-city' },
      ],
    });
    const participantElsewhere = viewer({ participantClubIds: [OTHER_CLUB] });
    expect(communityAccess(community, participantElsewhere).access).toBe('profile');
    expect(communityAccess(community, participantElsewhere, CLUB).access).toBe('hidden');
  });

  describe('club page rows', () => {
    const registeredApplicant = nonRegistered({
      registrationStatus: 'registered',
      participations: [{ clubId: CLUB, status: 'applied', regionCode: 'almaty-city' }],
    });

    it('shows pending applications only to the coordinators and the applicant', () => {
      expect(showsOnClubPage('applied', registeredApplicant, null, CLUB).access).toBe('hidden');
      expect(showsOnClubPage('applied', registeredApplicant, viewer({ participantClubIds: [CLUB] }), CLUB).access).toBe('hidden');
      expect(showsOnClubPage('applied', registeredApplicant, viewer({ coordinatedClubIds: [CLUB] }), CLUB).access).toBe('contacts');
      expect(showsOnClubPage('applied', registeredApplicant, viewer({ representsCommunity: true }), CLUB).access).toBe('contacts');
    });

    it('never lists closed participations', () => {
      expect(showsOnClubPage('withdrawn', registeredApplicant, viewer({ coordinatedClubIds: [CLUB] }), CLUB).access).toBe('hidden');
    });
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
