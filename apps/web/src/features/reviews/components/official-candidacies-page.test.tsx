import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { coordinator, fewerThan } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { aggregate, namedCandidacy, official, participationReviews, review } from '../test-fixtures';

describe('official candidacies page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: official() },
      'GET /api/official/candidacies': {
        body: {
          named: [
            namedCandidacy(),
            namedCandidacy({
              participationId: 'part-2',
              community: { id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' },
              myLatestVerdict: 'concern',
              openConcerns: 1,
            }),
          ],
          aggregate: [aggregate()],
        },
      },
    });
    api.install();
  });

  it('is linked in the navigation for officials only', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByTestId('official-candidacies-link'));
    expect(await screen.findByTestId('candidacy-Grace Church')).toBeInTheDocument();
  });

  it('has no link for a coordinator, and refuses the page', async () => {
    api.on('GET /api/auth/me', { body: coordinator() });
    renderApp('/official/candidacies');
    expect(await screen.findByText('This page is not available to your account.')).toBeInTheDocument();
    expect(screen.queryByTestId('official-candidacies-link')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/official/candidacies')).toHaveLength(0);
  });

  it('lists the candidacies it may see by name with their standing, and counts the others without names', async () => {
    renderApp('/official/candidacies');
    const grace = await screen.findByTestId('candidacy-Grace Church');
    expect(grace).toHaveTextContent('Evangelical Protestant · Registration: Not registered');
    expect(grace).toHaveTextContent('Almaty Multi-Faith Club, Almaty · Candidate since Oct 1, 2026');
    expect(grace).toHaveTextContent('You have not reviewed this candidacy yet.');
    const mosque = screen.getByTestId('candidacy-Central Mosque');
    expect(within(mosque).getByTestId('my-verdict')).toHaveTextContent('Your latest review: Concern · Open concerns: 1');

    const hidden = screen.getByTestId('aggregate-candidacies');
    expect(hidden).toHaveTextContent('Candidacies not shown by name');
    expect(hidden).toHaveTextContent('Almaty Multi-Faith Club, Almaty — Candidacies: 2');
  });

  it('says "fewer than 5" where too few candidacies are hidden, and links each named one to its read-only record', async () => {
    api.on('GET /api/official/candidacies', { body: { named: [namedCandidacy()], aggregate: [aggregate(fewerThan(5))] } });
    renderApp('/official/candidacies');
    const grace = await screen.findByTestId('candidacy-Grace Church');
    expect(within(grace).getByTestId('progress-link-Grace Church')).toHaveAttribute('href', '/participations/part-1/progress');
    expect(screen.getByTestId('aggregate-candidacies')).toHaveTextContent('Almaty Multi-Faith Club, Almaty — Candidacies: fewer than 5');
  });

  it('shows the next page under the first with "more", the hidden ones counted once', async () => {
    const mosque = namedCandidacy({
      participationId: 'part-2',
      community: { id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' },
    });
    api.on('GET /api/official/candidacies', (request) =>
      request.query.get('after') === 'cursor-1'
        ? { body: { named: [mosque], aggregate: [], nextAfter: null } }
        : { body: { named: [namedCandidacy()], aggregate: [aggregate()], nextAfter: 'cursor-1' } },
    );
    const { user } = renderApp('/official/candidacies');
    await screen.findByTestId('candidacy-Grace Church');
    expect(screen.queryByTestId('candidacy-Central Mosque')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more candidacies' }));

    expect(await screen.findByTestId('candidacy-Central Mosque')).toBeInTheDocument();
    expect(screen.getByTestId('candidacy-Grace Church')).toBeInTheDocument();
    expect(screen.queryByTestId('more-candidacies')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('aggregate-candidacies')).toHaveLength(1);
    expect(api.callsTo('GET', '/api/official/candidacies').map((call) => call.query.get('limit'))).toEqual(['50', '50']);
  });

  it('asks the API for the names it may see that match the search, and says when none does', async () => {
    api.on('GET /api/official/candidacies', (request) =>
      request.query.get('search') ? { body: { named: [], aggregate: [], nextAfter: null } } : { body: { named: [namedCandidacy()], aggregate: [], nextAfter: null } },
    );
    const { user } = renderApp('/official/candidacies');
    await screen.findByTestId('candidacy-Grace Church');

    await user.type(screen.getByLabelText('Find by community name'), 'mosque ');

    expect(await screen.findByText('No candidacy shown by name matches this search.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/official/candidacies').at(-1)?.query.get('search')).toBe('mosque');
  });

  it('records a concern with its note and says so', async () => {
    api.on('POST /api/participations/part-1/reviews', { status: 201, body: review() });
    const { user } = renderApp('/official/candidacies');
    const grace = await screen.findByTestId('candidacy-Grace Church');

    await user.click(within(grace).getByTestId('review-verdict-concern'));
    await user.type(within(grace).getByTestId('review-text'), '  The community has not answered questions about its youth camp.  ');
    await user.click(within(grace).getByTestId('review-submit'));

    expect(await within(grace).findByTestId('review-recorded')).toHaveTextContent('Your review is recorded.');
    expect(api.callsTo('POST', '/api/participations/part-1/reviews')[0].body).toEqual({
      verdict: 'concern',
      text: 'The community has not answered questions about its youth camp.',
    });
    expect(within(grace).getByTestId('review-text')).toHaveValue('');
    // The list reloads (the official's latest verdict changed).
    expect(api.callsTo('GET', '/api/official/candidacies').length).toBeGreaterThan(1);
  });

  it('asks for a sentence before sending, and sends "no objection" by default', async () => {
    api.on('POST /api/participations/part-1/reviews', { status: 201, body: review({ verdict: 'no_objection', open: false }) });
    const { user } = renderApp('/official/candidacies');
    const grace = await screen.findByTestId('candidacy-Grace Church');

    await user.type(within(grace).getByTestId('review-text'), 'fine');
    await user.click(within(grace).getByTestId('review-submit'));
    expect(within(grace).getByText('Write at least 10 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-1/reviews')).toHaveLength(0);

    await user.type(within(grace).getByTestId('review-text'), ' — we know them well.');
    await user.click(within(grace).getByTestId('review-submit'));
    await within(grace).findByTestId('review-recorded');
    expect(api.callsTo('POST', '/api/participations/part-1/reviews')[0].body).toMatchObject({ verdict: 'no_objection' });
  });

  it('explains when the candidacy was decided meanwhile', async () => {
    api.on('POST /api/participations/part-1/reviews', apiError(409, 'REVIEW.NOT_A_CANDIDACY'));
    const { user } = renderApp('/official/candidacies');
    const grace = await screen.findByTestId('candidacy-Grace Church');
    await user.type(within(grace).getByTestId('review-text'), 'No objection from the department.');
    await user.click(within(grace).getByTestId('review-submit'));
    expect(await within(grace).findByRole('alert')).toHaveTextContent('This participation is no longer a candidacy');
    expect(within(grace).queryByTestId('review-recorded')).not.toBeInTheDocument();
  });

  it("shows a candidacy's reviews on demand and resolves an open concern", async () => {
    api.on('GET /api/participations/part-2/reviews', {
      body: participationReviews({ participationId: 'part-2', mayRespond: false, mayReview: true, mayResolve: true }),
    });
    api.on('POST /api/reviews/rev-1/resolution', { body: review({ open: false }) });
    const { user } = renderApp('/official/candidacies');
    const mosque = await screen.findByTestId('candidacy-Central Mosque');

    await user.click(within(mosque).getByRole('button', { name: 'Show reviews and answers' }));
    const item = await within(mosque).findByTestId('review-item');
    expect(item).toHaveAttribute('data-open', 'true');
    expect(within(item).queryByTestId('review-response-text')).not.toBeInTheDocument();
    await user.type(within(item).getByTestId('review-resolution-text'), 'The programme answers the question.');
    await user.click(within(item).getByTestId('review-resolve-submit'));
    expect(api.callsTo('POST', '/api/reviews/rev-1/resolution')[0].body).toEqual({ text: 'The programme answers the question.' });
  });

  it('says when nothing can be shown by name', async () => {
    api.on('GET /api/official/candidacies', { body: { named: [], aggregate: [] } });
    renderApp('/official/candidacies');
    expect(await screen.findByText('No candidacy in your area can be shown by name right now.')).toBeInTheDocument();
    expect(screen.queryByTestId('aggregate-candidacies')).not.toBeInTheDocument();
  });

  it('speaks Russian and Kazakh', async () => {
    renderApp('/official/candidacies', { locale: 'ru' });
    expect(await screen.findByTestId('candidacy-Grace Church')).toHaveTextContent('Вы ещё не давали отзыв');
    expect(screen.getByTestId('aggregate-candidacies')).toHaveTextContent('Кандидатур: 2');
  });
});
