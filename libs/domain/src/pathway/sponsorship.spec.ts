import { assertCanSponsor } from './sponsorship';

describe('assertCanSponsor', () => {
  it('lets a member community sponsor an observer of its club', () => {
    expect(() => assertCanSponsor({ sponsorStatusInClub: 'member', observerStatus: 'observer', sameCommunity: false })).not.toThrow();
  });

  it.each(['observer', 'candidate', 'suspended', 'applied', null] as const)('refuses a sponsor that is %s in the club', (status) => {
    expect(() => assertCanSponsor({ sponsorStatusInClub: status, observerStatus: 'observer', sameCommunity: false })).toThrow(
      expect.objectContaining({ code: 'PATHWAY.SPONSOR_NOT_MEMBER' }),
    );
  });

  it('refuses a community sponsoring itself', () => {
    expect(() => assertCanSponsor({ sponsorStatusInClub: 'member', observerStatus: 'observer', sameCommunity: true })).toThrow(
      expect.objectContaining({ code: 'PATHWAY.SPONSOR_NOT_MEMBER' }),
    );
  });

  it.each(['candidate', 'member', 'suspended'] as const)('refuses to sponsor a participation that is %s', (status) => {
    expect(() => assertCanSponsor({ sponsorStatusInClub: 'member', observerStatus: status, sameCommunity: false })).toThrow(
      expect.objectContaining({ code: 'PATHWAY.NOT_OBSERVER' }),
    );
  });
});
