import type { Schemas } from '@dastarkhan/api-client';

type Me = Schemas['MeDto'];
type Club = Schemas['ClubDto'];
type ParticipationSummary = Schemas['ParticipationSummaryDto'];
type Participation = Schemas['ParticipationDto'];
type CommunityRef = Schemas['CommunityRefDto'];
type Figure = Schemas['FigureDto'];
type CountFigure = Schemas['CountFigureDto'];

export const exactly = (value: number): Figure => ({ value, fewerThan: null });
export const fewerThan = (threshold: number): Figure => ({ value: null, fewerThan: threshold });
export const withheld: Figure = { value: null, fewerThan: null };

/** A count as the API sends it: `listed` communities, and the unlisted ones as the small-count rule lets the reader see them. */
export function countFigure(listed: number, unlisted: Figure = exactly(0)): CountFigure {
  const total = unlisted.value !== null ? exactly(listed + unlisted.value) : unlisted.fewerThan !== null ? fewerThan(listed + unlisted.fewerThan) : withheld;
  return { listed, unlisted, total };
}

export const almaty: Schemas['CityDto'] = {
  id: 'city-almaty',
  slug: 'almaty',
  name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
  regionCode: 'almaty-city',
  region: { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty city' },
  clubCount: 2,
  version: 1,
};

export const astana: Schemas['CityDto'] = {
  id: 'city-astana',
  slug: 'astana',
  name: { kk: 'Астана', ru: 'Астана', en: 'Astana' },
  regionCode: 'astana-city',
  region: { kk: 'Астана қаласы', ru: 'город Астана', en: 'Astana city' },
  clubCount: 1,
  version: 1,
};

export function representative(communityIds: string[] = ['com-grace'], overrides: Partial<Me> = {}): Me {
  return {
    id: 'user-rep',
    email: 'rep@example.kz',
    displayName: 'Aigerim Rep',
    locale: 'en',
    roles: communityIds.map((communityId) => ({ role: 'representative' as const, clubId: null, communityId, region: null })),
    secondFactorEnabled: false,
    secondFactorRequired: false,
    ...overrides,
  };
}

export function coordinator(clubIds: string[] = ['club-1'], overrides: Partial<Me> = {}): Me {
  return {
    id: 'user-coord',
    email: 'coord@example.kz',
    displayName: 'Bolat Coordinator',
    locale: 'en',
    roles: clubIds.map((clubId) => ({ role: 'coordinator' as const, clubId, communityId: null, region: null })),
    secondFactorEnabled: false,
    secondFactorRequired: false,
    ...overrides,
  };
}

export function communityRef(overrides: Partial<CommunityRef> = {}): CommunityRef {
  return { id: 'com-grace', name: 'Grace Church', tradition: 'evangelical_protestant', registrationStatus: 'not_registered', ...overrides };
}

export function participationSummary(overrides: Partial<ParticipationSummary> = {}): ParticipationSummary {
  return {
    id: 'part-1',
    status: 'applied',
    clubId: 'club-1',
    clubName: 'Almaty Multi-Faith Club',
    community: communityRef(),
    statement: 'We would like to join the city clean-up and meet our neighbours.',
    createdAt: '2025-03-10T09:30:00.000Z',
    updatedAt: '2025-03-10T09:30:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function participation(overrides: Partial<Participation> = {}): Participation {
  return { ...participationSummary(), availableActions: [], events: [], ...overrides };
}

export function club(overrides: Partial<Club> = {}): Club {
  return {
    id: 'club-1',
    name: 'Almaty Multi-Faith Club',
    description: 'Monthly meetings on the social issues of the city.',
    names: { kk: 'Алматы конфессияаралық клубы', ru: 'Межрелигиозный клуб Алматы', en: 'Almaty Multi-Faith Club' },
    descriptions: { kk: 'Ай сайынғы кездесулер.', ru: 'Ежемесячные встречи.', en: 'Monthly meetings on the social issues of the city.' },
    meetingPlace: 'House of Friendship',
    archived: false,
    version: 1,
    cityId: almaty.id,
    city: almaty,
    memberCount: countFigure(2),
    observerCount: countFigure(1),
    pendingApplications: null,
    awaitingDecision: null,
    participants: [],
    viewerIsCoordinator: false,
    viewerParticipations: [],
    ...overrides,
  };
}

export function community(overrides: Partial<Schemas['CommunityDto']> = {}): Schemas['CommunityDto'] {
  return {
    id: 'com-grace',
    name: 'Grace Church',
    tradition: 'evangelical_protestant',
    registrationStatus: 'not_registered',
    registrationNumber: null,
    registrationDate: null,
    registrationIssuingBody: null,
    registrationClaim: null,
    description: 'A small evangelical congregation.',
    leaders: '',
    meetingPlace: '',
    approximateSize: null,
    activities: '',
    contactEmail: null,
    contactPhone: null,
    isPublic: false,
    officialConsentAt: null,
    cityId: almaty.id,
    erasedAt: null,
    createdAt: '2025-01-15T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export const anonymous = { status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: 'Unauthorized' } };

type Meeting = Schemas['MeetingDto'];
type Topic = Schemas['TopicDto'];
type ActionItem = Schemas['ActionItemDto'];

export const youthTopic: Topic = {
  id: 'topic-youth',
  code: 'youth',
  name: { kk: 'Жастар', ru: 'Молодёжь', en: 'Youth' },
  archived: false,
  version: 1,
};

export const radicalizationTopic: Topic = {
  id: 'topic-radicalization',
  code: 'online_radicalization',
  name: { kk: 'Онлайн радикалдану', ru: 'Онлайн-радикализация', en: 'Online radicalization' },
  archived: false,
  version: 1,
};

/** 1 December 2026, 18:00–20:00 in Almaty (UTC+5). */
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'meeting-1',
    clubId: 'club-1',
    clubName: 'Almaty Multi-Faith Club',
    seriesId: null,
    detached: false,
    title: 'December meeting',
    description: 'Youth and the city.',
    startsAt: '2026-12-01T13:00:00.000Z',
    endsAt: '2026-12-01T15:00:00.000Z',
    format: 'in_person',
    onlineLink: null,
    venue: 'City Hall, room 3',
    venueCommunity: null,
    visibility: 'club',
    status: 'scheduled',
    cancelReason: null,
    topics: [youthTopic],
    agenda: [{ id: 'agenda-1', position: 1, title: 'Youth summer camp', presenter: 'Aigerim', presenterCommunity: null, presenterIsCommunity: false }],
    version: 1,
    checkInCode: null,
    viewerIsCoordinator: false,
    viewerCanRsvp: false,
    warnings: [],
    ...overrides,
  };
}

export function actionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'item-1',
    meetingId: 'meeting-0',
    meetingTitle: 'November meeting',
    meetingStartsAt: '2026-11-03T13:00:00.000Z',
    title: 'Book the park for the clean-up',
    ownerCommunity: communityRef(),
    ownerIsCommunity: true,
    ownerName: null,
    dueDate: '2026-12-15',
    status: 'open',
    doneAt: null,
    overdue: false,
    version: 1,
    ...overrides,
  };
}
