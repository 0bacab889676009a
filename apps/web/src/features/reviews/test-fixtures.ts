import type { Schemas } from '@dastarkhan/api-client';
import { exactly } from '../../test/fixtures';
import type { NamedCandidacy, ParticipationReviews, Review } from './api/reviews';

type Me = Schemas['MeDto'];

export function official(region: string | null = 'almaty-city'): Me {
  return {
    id: 'user-official',
    email: 'official@example.kz',
    displayName: 'Serik Official',
    locale: 'en',
    roles: [{ role: 'official', clubId: null, communityId: null, region }],
    secondFactorEnabled: true,
    secondFactorRequired: true,
  };
}

const almatyClub = { id: 'club-1', name: 'Almaty Multi-Faith Club', cityName: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' } };

export function namedCandidacy(overrides: Partial<NamedCandidacy> = {}): NamedCandidacy {
  return {
    participationId: 'part-1',
    community: { id: 'com-grace', name: 'Grace Church', tradition: 'evangelical_protestant', registrationStatus: 'not_registered' },
    club: almatyClub,
    nominatedAt: '2026-10-01T06:00:00.000Z',
    myLatestVerdict: null,
    openConcerns: 0,
    ...overrides,
  };
}

export function aggregate(count: Schemas['FigureDto'] = exactly(2)) {
  return { club: almatyClub, count };
}

export function review(overrides: Partial<Review> = {}): Review {
  return {
    id: 'rev-1',
    participationId: 'part-1',
    verdict: 'concern',
    text: 'The community has not answered questions about its youth camp.',
    officialName: 'Serik Official',
    createdAt: '2026-10-05T06:00:00.000Z',
    open: true,
    resolvedAt: null,
    resolvedByName: null,
    resolution: null,
    responses: [],
    ...overrides,
  };
}

export function participationReviews(overrides: Partial<ParticipationReviews> = {}): ParticipationReviews {
  return {
    participationId: 'part-1',
    status: 'candidate',
    reviews: [review()],
    mayRespond: true,
    mayReview: false,
    mayResolve: false,
    ...overrides,
  };
}
