import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, coordinator, participation, participationSummary, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { progress } from '../../pathway/test-fixtures';
import { participationReviews, review } from '../test-fixtures';

const candidate = participation({ id: 'part-1', status: 'candidate', version: 3 });
const answered = review({
  responses: [
    { id: 'resp-1', authorRole: 'community', authorName: 'Aigerim Rep', text: 'The camp is run by our parents.', createdAt: '2026-10-06T06:00:00.000Z' },
    { id: 'resp-2', authorRole: 'coordinator', authorName: null, text: 'I visited the camp in June.', createdAt: '2026-10-07T06:00:00.000Z' },
  ],
});

describe('reviews on the progress page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/participations/part-1': { body: candidate },
      'GET /api/participations/part-1/progress': { body: progress({ status: 'candidate' }) },
      'GET /api/clubs/club-1': { body: club({ viewerParticipations: [participationSummary({ status: 'candidate' })] }) },
      'GET /api/participations/part-1/reviews': {
        body: participationReviews({ reviews: [answered, review({ id: 'rev-0', verdict: 'no_objection', open: false, officialName: 'Dana National', createdAt: '2026-10-02T06:00:00.000Z' })] }),
      },
    });
    api.install();
  });

  it('shows each review with its verdict, note, official and date, the open concern highlighted, and the answers', async () => {
    renderApp('/participations/part-1/progress');
    const items = await screen.findAllByTestId('review-item');
    expect(items.map((item) => item.dataset.verdict)).toEqual(['concern', 'no_objection']);

    const [concern, fine] = items;
    expect(concern).toHaveAttribute('data-open', 'true');
    expect(concern).toHaveTextContent('Concern');
    expect(concern).toHaveTextContent('Open concern');
    expect(concern).toHaveTextContent('Serik Official · Oct 5, 2026');
    expect(concern).toHaveTextContent('The community has not answered questions about its youth camp.');
    const responses = within(concern).getAllByTestId('review-response');
    expect(responses[0]).toHaveTextContent('Community · Aigerim Rep');
    expect(responses[0]).toHaveTextContent('The camp is run by our parents.');
    expect(responses[1]).toHaveTextContent('Coordinator');
    expect(fine).toHaveTextContent('No objection');
    expect(fine).toHaveTextContent('Dana National');
  });

  it('lets the community answer a concern, and refreshes the reviews and the milestones', async () => {
    api.on('POST /api/reviews/rev-1/responses', {
      status: 201,
      body: { id: 'resp-3', authorRole: 'community', authorName: 'Aigerim Rep', text: 'Here is the programme.', createdAt: '2026-10-08T06:00:00.000Z' },
    });
    const { user } = renderApp('/participations/part-1/progress');
    const [concern] = await screen.findAllByTestId('review-item');
    const progressCalls = api.callsTo('GET', '/api/participations/part-1/progress').length;

    await user.type(within(concern).getByTestId('review-response-text'), 'Here is the programme.');
    await user.click(within(concern).getByTestId('review-response-submit'));

    expect(await within(concern).findByText('Your answer is recorded.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/reviews/rev-1/responses')[0].body).toEqual({ text: 'Here is the programme.' });
    expect(api.callsTo('GET', '/api/participations/part-1/reviews').length).toBeGreaterThan(1);
    expect(api.callsTo('GET', '/api/participations/part-1/progress').length).toBeGreaterThan(progressCalls);
  });

  it("shows a resolved concern with the official's resolution, and no resolve form to the club", async () => {
    api.on('GET /api/auth/me', { body: coordinator() });
    api.on('GET /api/participations/part-1/reviews', {
      body: participationReviews({
        reviews: [review({ open: false, resolvedAt: '2026-10-09T06:00:00.000Z', resolvedByName: 'Dana National', resolution: 'The programme answers it.' })],
      }),
    });
    renderApp('/participations/part-1/progress');
    const item = await screen.findByTestId('review-item');
    expect(item).toHaveAttribute('data-open', 'false');
    expect(item).toHaveTextContent('Resolved concern');
    expect(within(item).getByTestId('review-resolution')).toHaveTextContent('Resolved by Dana National on Oct 9, 2026');
    expect(within(item).getByTestId('review-resolution')).toHaveTextContent('The programme answers it.');
    expect(within(item).getByTestId('review-response-text')).toBeInTheDocument();
    expect(within(item).queryByTestId('review-resolution-text')).not.toBeInTheDocument();
  });

  it('says a candidacy has no review yet, and says nothing before the candidacy', async () => {
    api.on('GET /api/participations/part-1/reviews', { body: participationReviews({ reviews: [] }) });
    const view = renderApp('/participations/part-1/progress');
    expect(await screen.findByTestId('reviews-section')).toHaveTextContent('No official has reviewed this candidacy yet.');
    view.unmount();

    api.on('GET /api/participations/part-1/reviews', { body: participationReviews({ status: 'observer', reviews: [] }) });
    renderApp('/participations/part-1/progress');
    await screen.findByTestId('milestones-summary');
    expect(screen.queryByTestId('reviews-section')).not.toBeInTheDocument();
  });

  it('stays away when the reviews are not visible to the caller', async () => {
    api.on('GET /api/participations/part-1/reviews', apiError(404, 'NOT_FOUND'));
    renderApp('/participations/part-1/progress');
    await screen.findByTestId('milestones-summary');
    expect(screen.queryByTestId('reviews-section')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names the community, not its people, when the API withholds the name', async () => {
    api.on('GET /api/participations/part-1/reviews', {
      body: participationReviews({ reviews: [review({ responses: [{ ...answered.responses[0], authorName: null }] })] }),
    });
    renderApp('/participations/part-1/progress');
    expect(await screen.findByTestId('review-response')).toHaveTextContent('Community · a community');
  });

  it('speaks Kazakh', async () => {
    renderApp('/participations/part-1/progress', { locale: 'kk' });
    const [concern] = await screen.findAllByTestId('review-item');
    expect(concern).toHaveTextContent('Ашық ескерту');
    expect(within(concern).getByTestId('review-response-submit')).toHaveTextContent('Жауапты жіберу');
  });
});
