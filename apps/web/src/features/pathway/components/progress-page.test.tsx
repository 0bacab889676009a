import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, communityRef, coordinator, participation, participationSummary, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { progress, sponsorship } from '../test-fixtures';
import { official, participationReviews } from '../../reviews/test-fixtures';

const observer = participation({ id: 'part-1', status: 'observer', version: 2 });
const mosque = communityRef({ id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' });

describe('progress page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/participations/part-1': { body: observer },
      'GET /api/participations/part-1/progress': { body: progress() },
      'GET /api/clubs/club-1': { body: club({ viewerParticipations: [participationSummary({ status: 'observer' })] }) },
    });
    api.install();
  });

  it('is linked from the participation page', async () => {
    const { user } = renderApp('/participations/part-1');
    await user.click(await screen.findByTestId('progress-link'));
    expect(await screen.findByTestId('milestones-summary')).toBeInTheDocument();
  });

  it('shows the status at a glance: a summary, each milestone met or not with its figure, and the next step', async () => {
    const { user } = renderApp('/participations/part-1/progress');

    expect(await screen.findByTestId('milestones-summary')).toHaveTextContent('4 of 6 milestones met');
    expect(screen.getByTestId('progress-summary')).toHaveTextContent('Observer');
    // 20:15 UTC on 11 March is already 12 March in Almaty.
    expect(screen.getByTestId('progress-summary')).toHaveTextContent('since Mar 12, 2026');
    expect(screen.getByTestId('next-step')).toHaveTextContent('Next step: attend 1 more meeting; 1 more joint project');

    const meetings = screen.getByTestId('milestone-meetingsAttended');
    expect(meetings).toHaveAttribute('data-state', 'unmet');
    expect(meetings).toHaveTextContent('Not met yet · 5 of 6 meetings');
    const rate = screen.getByTestId('milestone-attendanceRate');
    expect(rate).toHaveAttribute('data-state', 'met');
    expect(rate).toHaveTextContent('Met · 5 of 6 meetings, 83 % (at least 75 %)');
    expect(screen.getByTestId('milestone-jointProjects')).toHaveTextContent('Not met yet · 1 of 2 projects');
    expect(screen.getByTestId('milestone-transparency')).toHaveTextContent('All required fields are filled in');

    await user.click(within(meetings).getByText('Show evidence'));
    expect(within(meetings).getByRole('link', { name: 'Youth and the city' })).toHaveAttribute('href', '/meetings/m-1');
    expect(within(meetings).getByRole('link', { name: 'Youth and the city' }).closest('li')).toHaveTextContent('Apr 7, 2026 · Present');
    expect(within(screen.getByTestId('milestone-jointProjects')).getByRole('link', { name: 'Spring clean-up of the riverbank' })).toHaveAttribute('href', '/projects/p-1');

    expect(screen.getByTestId('policy-version')).toHaveTextContent('version 3');
  });

  it('shows a milestone the club switched off as not required, without a figure', async () => {
    renderApp('/participations/part-1/progress');

    const sponsors = await screen.findByTestId('milestone-sponsors');
    expect(sponsors).toHaveAttribute('data-state', 'off');
    expect(sponsors).toHaveTextContent('Not required by this club');
    expect(sponsors).not.toHaveTextContent('of');
  });

  it('speaks Russian and Kazakh', async () => {
    renderApp('/participations/part-1/progress', { locale: 'ru' });
    expect(await screen.findByTestId('milestones-summary')).toHaveTextContent('Выполнено этапов: 4 из 6');
    expect(screen.getByTestId('next-step')).toHaveTextContent('посетить ещё 1 встречу; ещё 1 совместный проект');
    expect(screen.getByTestId('milestone-attendanceRate')).toHaveTextContent('5 из 6 встреч, 83 %');
  });

  it('says how long to wait and until which Almaty date', async () => {
    api.on('GET /api/participations/part-1/progress', {
      body: progress({ nextSteps: [{ key: 'waitMonths', count: 2, fields: null, until: '2026-09-12' }, { key: 'completeProfile', count: null, fields: ['leaders', 'activities'], until: null }] }),
    });
    renderApp('/participations/part-1/progress');
    expect(await screen.findByTestId('next-step')).toHaveTextContent('wait 2 more months (until Sep 12, 2026); complete the profile: leaders, activities');
  });

  it('says when nothing remains', async () => {
    api.on('GET /api/participations/part-1/progress', { body: progress({ allMet: true, nextSteps: [] }) });
    renderApp('/participations/part-1/progress', { locale: 'kk' });
    expect(await screen.findByTestId('next-step')).toHaveTextContent('Ештеңе қалмады');
    expect(screen.getByTestId('milestones-summary')).toHaveTextContent('Барлық қажетті кезеңдер орындалды.');
  });

  it('shows a translated error with a retry when the progress cannot load', async () => {
    api.on('GET /api/participations/part-1/progress', { status: 500, body: { statusCode: 500, code: 'UNKNOWN', message: 'x' } });
    renderApp('/participations/part-1/progress');
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('counts a member from its admission, with no next step', async () => {
    api.on('GET /api/participations/part-1/progress', {
      body: progress({ status: 'member', allMet: true, memberSince: '2026-10-01T06:00:00.000Z', nextSteps: [] }),
    });
    renderApp('/participations/part-1/progress');
    expect(await screen.findByTestId('progress-summary')).toHaveTextContent('Member since Oct 1, 2026');
    expect(screen.queryByTestId('next-step')).not.toBeInTheDocument();
  });

  it('lets a coordinator see the progress', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    renderApp('/participations/part-1/progress');
    expect(await screen.findByTestId('milestones-summary')).toHaveTextContent('4 of 6 milestones met');
    expect(screen.queryByTestId('sponsor-submit')).not.toBeInTheDocument();
  });
});

describe("an official of the region, with the community's consent", () => {
  beforeEach(() => {
    const sponsors = progress().milestones.map((milestone) =>
      milestone.key === 'sponsors'
        ? { ...milestone, enabled: true, evidence: [{ kind: 'sponsorship' as const, id: 'sp-1', title: '', date: '2026-06-01' }] }
        : milestone,
    );
    createFakeApi({
      'GET /api/auth/me': { body: official() },
      'GET /api/participations/part-1': {
        body: participation({
          id: 'part-1',
          status: 'candidate',
          availableActions: [],
          events: [{ id: 'e-1', action: 'nominate', fromStatus: 'observer', toStatus: 'candidate', reason: null, actorName: 'Bolat Coordinator', at: '2026-10-01T06:00:00.000Z' }],
        }),
      },
      'GET /api/participations/part-1/progress': { body: progress({ status: 'candidate', milestones: sponsors }) },
      'GET /api/participations/part-1/reviews': { body: participationReviews({ mayRespond: false, mayReview: true, mayResolve: false }) },
      'GET /api/participations/part-1/decisions': { body: [] },
      'GET /api/clubs/club-1': { body: club() },
    }).install();
  });

  it('reads the progress, the reviews and the history without a single form', async () => {
    const { user } = renderApp('/participations/part-1/progress');

    expect(await screen.findByTestId('milestones-summary')).toBeInTheDocument();
    expect(await screen.findByTestId('review-item')).toBeInTheDocument();
    const sponsors = screen.getByTestId('milestone-sponsors');
    await user.click(within(sponsors).getByText('Show evidence'));
    // A sponsor the official may not see is "a community", not a blank.
    expect(within(sponsors).getByRole('listitem')).toHaveTextContent('A community · Jun 1, 2026');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    for (const testId of ['decision-form', 'nominate', 'request-nomination', 'sponsor-submit', 'review-response-submit', 'review-resolve-submit']) {
      expect(screen.queryByTestId(testId)).not.toBeInTheDocument();
    }

    await user.click(screen.getByRole('link', { name: 'Back to the participation' }));
    expect(await screen.findByTestId('history-event')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Actions' })).not.toBeInTheDocument();
  });
});

describe('sponsorship', () => {
  let api: FakeApi;
  const given = {
    id: 'sp-1',
    participationId: 'part-1',
    clubId: 'club-1',
    clubName: 'Almaty Multi-Faith Club',
    observer: communityRef(),
    observerStatus: 'observer' as const,
    sponsorCommunityId: 'com-mosque',
    statement: 'They came to every clean-up and kept their word.',
    createdAt: '2026-06-01T06:00:00.000Z',
    withdrawnAt: null,
  };

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-mosque']) },
      // A member community's representative sees neither the observer's participation nor its progress.
      'GET /api/participations/part-1': apiError(404, 'NOT_FOUND'),
      'GET /api/participations/part-1/progress': apiError(404, 'NOT_FOUND'),
      'GET /api/clubs/club-1': {
        body: club({
          participants: [
            { participationId: 'part-1', status: 'observer', community: communityRef() },
            { participationId: 'part-9', status: 'member', community: mosque },
          ],
          viewerParticipations: [participationSummary({ id: 'part-9', status: 'member', community: mosque })],
        }),
      },
      'GET /api/communities/com-mosque/sponsorships': { body: [] },
    });
    api.install();
  });

  it('needs a sentence before it sponsors, then sends the sponsoring community and the sentence, and can withdraw', async () => {
    const { user } = renderApp('/participations/part-1/progress?club=club-1');

    expect(await screen.findByRole('heading', { name: /Grace Church/ })).toBeInTheDocument();
    await user.click(await screen.findByTestId('sponsor-submit'));
    expect(screen.getByText('Write a sentence about why you sponsor this community.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-1/sponsorships')).toHaveLength(0);

    api.on('POST /api/participations/part-1/sponsorships', () => {
      api.on('GET /api/communities/com-mosque/sponsorships', { body: [given] });
      return { status: 201, body: sponsorship() };
    });
    await user.type(screen.getByTestId('sponsor-statement'), 'They came to every clean-up and kept their word.');
    await user.click(screen.getByTestId('sponsor-submit'));

    expect(await screen.findByText('Thank you: your sponsorship is recorded.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-1/sponsorships')[0].body).toEqual({
      communityId: 'com-mosque',
      statement: 'They came to every clean-up and kept their word.',
    });
    expect(await screen.findByTestId('sponsorship')).toHaveTextContent('You sponsor since Jun 1, 2026 · Withdraw our sponsorship');
    expect(screen.queryByTestId('sponsor-submit')).not.toBeInTheDocument();

    api.on('DELETE /api/sponsorships/sp-1', () => {
      api.on('GET /api/communities/com-mosque/sponsorships', { body: [{ ...given, withdrawnAt: '2026-06-02T06:00:00.000Z' }] });
      return { status: 204 };
    });
    await user.click(screen.getByRole('button', { name: 'Withdraw our sponsorship' }));
    expect(await screen.findByText('Your sponsorship was withdrawn.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', '/api/sponsorships/sp-1')).toHaveLength(1);
    expect(await screen.findByTestId('sponsor-submit')).toBeInTheDocument();
  });

  it('an existing sponsor reads since when it sponsors, in Kazakh, instead of the form', async () => {
    api.on('GET /api/communities/com-mosque/sponsorships', { body: [given] });
    renderApp('/participations/part-1/progress?club=club-1', { locale: 'kk' });

    const mine = await screen.findByTestId('sponsorship');
    expect(mine).toHaveTextContent('Сіз');
    expect(mine).toHaveTextContent('бастап кепілгерсіз');
    expect(within(mine).getByRole('button')).toBeEnabled();
    expect(screen.queryByTestId('sponsor-submit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sponsor-statement')).not.toBeInTheDocument();
  });

  it('translates the API refusing a second sponsorship', async () => {
    api.on('POST /api/participations/part-1/sponsorships', apiError(409, 'PATHWAY.ALREADY_SPONSORED'));
    const { user } = renderApp('/participations/part-1/progress?club=club-1', { locale: 'ru' });
    await user.type(await screen.findByTestId('sponsor-statement'), 'Надёжные соседи, всегда приходят помочь.');
    await user.click(screen.getByTestId('sponsor-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ваша община уже ручается за эту.');
  });

  it('is not offered for a community that is not an observer', async () => {
    api.on('GET /api/clubs/club-1', {
      body: club({
        participants: [{ participationId: 'part-1', status: 'member', community: communityRef() }],
        viewerParticipations: [participationSummary({ id: 'part-9', status: 'member', community: mosque })],
      }),
    });
    renderApp('/participations/part-1/progress?club=club-1');
    expect(await screen.findByRole('heading', { name: /Grace Church/ })).toBeInTheDocument();
    expect(screen.queryByTestId('sponsor-submit')).not.toBeInTheDocument();
  });
});
