import type { ViewerContext, ViewerRole } from '../access/viewer';
import { communityName, personName, type NamedCommunity } from './naming';

const CLUB = 'club-almaty';
const grace: NamedCommunity = {
  communityId: 'grace',
  name: 'Grace Evangelical Fellowship',
  registrationStatus: 'not_registered',
  isPublic: false,
  officialConsent: false,
  participations: [{ clubId: CLUB, status: 'observer', regionCode: 'almaty-city' }],
};
const mosque: NamedCommunity = { ...grace, communityId: 'mosque', name: 'Central Mosque', registrationStatus: 'registered' };
const role = (r: Partial<ViewerRole> & Pick<ViewerRole, 'role'>): ViewerRole => ({ clubId: null, communityId: null, region: null, ...r });
const reader = (roles: ViewerRole[], participations: ViewerContext['participations'] = []): ViewerContext => ({ userId: 'r', roles, participations });

const readers = {
  anonymous: null,
  community: reader([role({ role: 'representative', communityId: 'grace' })]),
  coordinator: reader([role({ role: 'coordinator', clubId: CLUB })]),
  otherCoordinator: reader([role({ role: 'coordinator', clubId: 'elsewhere' })]),
  fellowParticipant: reader([role({ role: 'representative', communityId: 'mosque' })], [{ communityId: 'mosque', clubId: CLUB, status: 'member' }]),
  applicantOnly: reader([role({ role: 'representative', communityId: 'new' })], [{ communityId: 'new', clubId: CLUB, status: 'applied' }]),
  officialWithoutConsent: reader([role({ role: 'official', region: 'almaty-city' })]),
  administrator: reader([role({ role: 'administrator' })]),
};

const pastor = { displayName: 'Pastor Daniyar Seitkali', representativeOf: grace };

describe('the naming rule', () => {
  it('prints a representative of a protected community by person only to the community and its coordinators', () => {
    const names = Object.fromEntries(Object.entries(readers).map(([who, r]) => [who, personName(pastor, r, CLUB)]));
    expect(names).toEqual({
      anonymous: null,
      community: 'Pastor Daniyar Seitkali',
      coordinator: 'Pastor Daniyar Seitkali',
      otherCoordinator: null,
      fellowParticipant: 'Grace Evangelical Fellowship',
      applicantOnly: null,
      officialWithoutConsent: null,
      administrator: 'Grace Evangelical Fellowship',
    });
  });

  it('gives an official with consent the community, never the person', () => {
    expect(personName({ ...pastor, representativeOf: { ...grace, officialConsent: true } }, readers.officialWithoutConsent)).toBe(
      'Grace Evangelical Fellowship',
    );
  });

  it('keeps the person of a community that chose to be public hidden behind its name', () => {
    expect(personName({ ...pastor, representativeOf: { ...grace, isPublic: true } }, null)).toBe('Grace Evangelical Fellowship');
  });

  it('names representatives of a verified registered community and staff to anyone', () => {
    expect(personName({ displayName: 'Imam Arman', representativeOf: mosque }, null)).toBe('Imam Arman');
    expect(personName({ displayName: 'Coordinator Aigerim', representativeOf: null }, null)).toBe('Coordinator Aigerim');
  });

  it('names a community where the reader may see it, else "a community" (null)', () => {
    expect(communityName(grace, readers.fellowParticipant, CLUB)).toBe('Grace Evangelical Fellowship');
    expect(communityName(grace, readers.fellowParticipant, 'elsewhere')).toBeNull();
    expect(communityName(grace, null)).toBeNull();
    expect(communityName(mosque, null)).toBe('Central Mosque');
  });
});
