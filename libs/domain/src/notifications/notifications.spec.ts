import {
  chooseRecipients,
  notificationLink,
  notificationParams,
  TRANSITION_NOTICES,
  type NoticeSubject,
  type NotificationAudience,
} from './notifications';

const AUDIENCES: NotificationAudience[] = ['community', 'coordinator', 'official', 'administrator'];

const hidden: NoticeSubject['community'] = {
  communityId: 'grace',
  name: 'Grace Church',
  registrationStatus: 'not_registered',
  isPublic: false,
  officialConsent: false,
  participations: [{ clubId: 'club-almaty', status: 'candidate', regionCode: 'almaty-city' }],
};
const subject: NoticeSubject = { participationId: 'p-1', clubId: 'club-almaty', regionCode: 'almaty-city', clubName: 'Almaty club', community: hidden };
const named = (audience: NotificationAudience, community = hidden) =>
  'communityName' in notificationParams({ userId: 'u', audience }, { ...subject, community });

describe('the community name in a notification (the naming rule per recipient)', () => {
  it('names a non-registered community without consent to everyone but officials', () => {
    expect(AUDIENCES.filter((audience) => named(audience))).toEqual(['community', 'coordinator', 'administrator']);
    expect(named('official', { ...hidden, registrationStatus: 'registration_pending' })).toBe(false);
  });

  it('names it to officials once it consented, chose to be public, or is registered', () => {
    expect(named('official', { ...hidden, officialConsent: true })).toBe(true);
    expect(named('official', { ...hidden, isPublic: true })).toBe(true);
    expect(named('official', { ...hidden, registrationStatus: 'registered' })).toBe(true);
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
  it('carries the club, the participation, the extras and the name for those who may know it', () => {
    expect(notificationParams({ userId: 'u', audience: 'community' }, subject, { reason: 'Missed meetings' })).toEqual({
      clubName: 'Almaty club',
      participationId: 'p-1',
      communityName: 'Grace Church',
      reason: 'Missed meetings',
    });
  });

  it('leaves the name out for an official without consent, even when an extra tries to carry it', () => {
    const params = notificationParams({ userId: 'u', audience: 'official' }, subject, { communityName: 'Grace Church', clubName: 'Other' });
    expect(params).toEqual({ clubName: 'Almaty club', participationId: 'p-1' });
    expect(JSON.stringify(params)).not.toContain('Grace');
  });

  it('names no community in a notice about the club itself (its coordinators hear of its meetings)', () => {
    const club = { ...subject, participationId: null, community: null };
    expect(notificationParams({ userId: 'u', audience: 'coordinator' }, club, { count: '2', communityName: 'Grace Church' })).toEqual({
      clubName: 'Almaty club',
      count: '2',
    });
  });

  it('names the community to an official after consent', () => {
    expect(notificationParams({ userId: 'u', audience: 'official' }, { ...subject, community: { ...hidden, officialConsent: true } })).toMatchObject({
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
