import {
  chooseRecipients,
  mayNameCommunity,
  notificationLink,
  notificationParams,
  TRANSITION_NOTICES,
  type NamedCommunityFacts,
  type NotificationAudience,
} from './notifications';

const hidden: NamedCommunityFacts = { registrationStatus: 'not_registered', isPublic: false, officialConsent: false };
const AUDIENCES: NotificationAudience[] = ['community', 'coordinator', 'official', 'administrator'];

describe('mayNameCommunity', () => {
  it('names a non-registered community without consent to everyone but officials', () => {
    expect(AUDIENCES.filter((audience) => mayNameCommunity(audience, hidden))).toEqual(['community', 'coordinator', 'administrator']);
    expect(mayNameCommunity('official', { ...hidden, registrationStatus: 'registration_pending' })).toBe(false);
  });

  it('names it to officials once it consented, chose to be public, or is registered', () => {
    expect(mayNameCommunity('official', { ...hidden, officialConsent: true })).toBe(true);
    expect(mayNameCommunity('official', { ...hidden, isPublic: true })).toBe(true);
    expect(mayNameCommunity('official', { ...hidden, registrationStatus: 'registered' })).toBe(true);
  });
});

describe('chooseRecipients', () => {
  it('never tells the actor about their own step', () => {
    const chosen = chooseRecipients(
      [
        { userId: 'actor', audience: 'coordinator' },
        { userId: 'other', audience: 'coordinator' },
      ],
      'actor',
    );
    expect(chosen.map((c) => c.userId)).toEqual(['other']);
  });

  it('tells a person once, in the capacity that knows the community best', () => {
    const chosen = chooseRecipients(
      [
        { userId: 'u1', audience: 'official' },
        { userId: 'u1', audience: 'coordinator' },
        { userId: 'u2', audience: 'official' },
        { userId: 'u2', audience: 'official' },
        { userId: 'u3', audience: 'administrator' },
        { userId: 'u3', audience: 'community' },
      ],
      'nobody',
    );
    expect(chosen).toEqual([
      { userId: 'u1', audience: 'coordinator' },
      { userId: 'u2', audience: 'official' },
      { userId: 'u3', audience: 'community' },
    ]);
  });

  it('keeps what else the caller attached to a candidate', () => {
    const [chosen] = chooseRecipients([{ userId: 'u1', audience: 'community', email: 'a@b.test' }], 'x');
    expect(chosen.email).toBe('a@b.test');
  });
});

describe('notificationLink', () => {
  it('opens where each audience acts on the event', () => {
    expect(notificationLink('community', 'p-1')).toBe('/participations/p-1/progress');
    expect(notificationLink('coordinator', 'p-1')).toBe('/participations/p-1/progress');
    expect(notificationLink('official', 'p-1')).toBe('/official/candidacies');
    expect(notificationLink('administrator', 'p-1')).toBe('/admin/appeals');
  });
});

describe('notificationParams', () => {
  const subject = { participationId: 'p-1', clubName: 'Almaty club', communityName: 'Grace Church', community: hidden };

  it('carries the club, the participation, the extras and the name for those who may know it', () => {
    expect(notificationParams('community', subject, { reason: 'Missed meetings' })).toEqual({
      clubName: 'Almaty club',
      participationId: 'p-1',
      communityName: 'Grace Church',
      reason: 'Missed meetings',
    });
  });

  it('leaves the name out for an official without consent, even when an extra tries to carry it', () => {
    const params = notificationParams('official', subject, { communityName: 'Grace Church', clubName: 'Other' });
    expect(params).toEqual({ clubName: 'Almaty club', participationId: 'p-1' });
    expect(JSON.stringify(params)).not.toContain('Grace');
  });

  it('names the community to an official after consent', () => {
    expect(notificationParams('official', { ...subject, community: { ...hidden, officialConsent: true } })).toMatchObject({
      communityName: 'Grace Church',
    });
  });
});

describe('TRANSITION_NOTICES', () => {
  it('tells officials of a nomination without its reason, and the community of its own suspension with it', () => {
    expect(TRANSITION_NOTICES.nominate).toEqual({ kind: 'nominated', audiences: ['community', 'coordinator', 'official'], withReason: false });
    expect(TRANSITION_NOTICES.suspend).toEqual({ kind: 'suspended', audiences: ['community'], withReason: true });
  });

  it('sends a reason only where no official hears about the step', () => {
    for (const notice of Object.values(TRANSITION_NOTICES)) {
      if (notice.withReason) expect(notice.audiences).not.toContain('official');
    }
  });

  it('leaves recorded decisions to their own services', () => {
    expect(Object.keys(TRANSITION_NOTICES).sort()).toEqual(['accept', 'nominate', 'reinstate', 'suspend', 'withdraw']);
  });
});
