import { PARTICIPATION_STATUSES } from '../participation/participation-status';
import {
  assertMayReview,
  isOpenConcern,
  openConcerns,
  responseAudiences,
  reviewResponderRole,
  type ReviewFacts,
} from './reviews';

const at = new Date('2026-05-04T06:00:00Z');
const review = (overrides: Partial<ReviewFacts>): ReviewFacts => ({
  id: 'r-1',
  verdict: 'concern',
  text: 'The community has not answered questions about its funding.',
  createdAt: at,
  resolvedAt: null,
  ...overrides,
});

describe('open concerns', () => {
  it('counts a concern no official has resolved', () => {
    expect(isOpenConcern(review({}))).toBe(true);
    expect(openConcerns([review({})])).toEqual([
      { id: 'r-1', title: 'The community has not answered questions about its funding.', raisedAt: at },
    ]);
  });

  it('leaves out resolved concerns and every "no objection"', () => {
    const reviews = [
      review({ id: 'resolved', resolvedAt: new Date('2026-05-10T06:00:00Z') }),
      review({ id: 'fine', verdict: 'no_objection' }),
      review({ id: 'open' }),
    ];
    expect(reviews.map(isOpenConcern)).toEqual([false, false, true]);
    expect(openConcerns(reviews).map((c) => c.id)).toEqual(['open']);
  });

  it('has none without reviews', () => {
    expect(openConcerns([])).toEqual([]);
  });

  it('titles a concern by its text, cut to 120 characters with an ellipsis', () => {
    const exactly120 = 'a'.repeat(120);
    expect(openConcerns([review({ text: exactly120 })])[0].title).toBe(exactly120);
    const longer = `${'b'.repeat(119)}cd`;
    const title = openConcerns([review({ text: longer })])[0].title;
    expect(title).toBe(`${'b'.repeat(119)}…`);
    expect(title).toHaveLength(120);
  });
});

describe('assertMayReview', () => {
  it('lets an official review a candidacy', () => {
    expect(() => assertMayReview('candidate')).not.toThrow();
  });

  it.each(PARTICIPATION_STATUSES.filter((status) => status !== 'candidate'))('refuses a participation that is %s', (status) => {
    expect(() => assertMayReview(status)).toThrow(expect.objectContaining({ code: 'REVIEW.NOT_A_CANDIDACY' }));
  });
});

describe('answering a review', () => {
  it('answers for the community when the user represents it', () => {
    expect(reviewResponderRole({ representsCommunity: true, coordinatesClub: false })).toBe('community');
  });

  it("answers as coordinator for the club's coordinator", () => {
    expect(reviewResponderRole({ representsCommunity: false, coordinatesClub: true })).toBe('coordinator');
  });

  it('answers for the community when the user is both, since the review is about it', () => {
    expect(reviewResponderRole({ representsCommunity: true, coordinatesClub: true })).toBe('community');
  });

  it('lets no one else answer', () => {
    expect(reviewResponderRole({ representsCommunity: false, coordinatesClub: false })).toBeNull();
  });

  it('tells the official and the party that did not answer', () => {
    expect(responseAudiences('coordinator')).toEqual(['official', 'community']);
    expect(responseAudiences('community')).toEqual(['official', 'coordinator']);
  });
});
