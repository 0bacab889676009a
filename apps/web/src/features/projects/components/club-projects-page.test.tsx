import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { anonymous, club, community, countFigure, coordinator, fewerThan, participationSummary, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { project } from '../test-fixtures';

/** Typing-heavy tests take ~1.5 s alone; leave room for a loaded machine. */
const TYPING_TIMEOUT = 20_000;

const graceObserver = participationSummary({ id: 'part-grace', status: 'observer' });
const active = project({ id: 'p-active', title: 'Spring clean-up of the riverbank', progress: { done: 1, total: 2, percent: 50 }, partnerCount: countFigure(2, fewerThan(10)) });
const completed = project({ id: 'p-done', title: 'Iftar for the elderly', category: 'charity', status: 'completed' });
const proposed = project({ id: 'p-new', title: 'Friendly football match', category: 'sports', status: 'proposed' });

describe('club projects page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/communities/mine': { body: [community()] },
      'GET /api/clubs/club-1': { body: club({ viewerParticipations: [graceObserver] }) },
      'GET /api/clubs/club-1/projects': { body: [active, completed] },
    });
    api.install();
  });

  it('groups the projects into active and completed, with translated category and progress', async () => {
    renderApp('/clubs/club-1/projects', { locale: 'ru' });

    const activeGroup = await screen.findByTestId('projects-active');
    const card = within(activeGroup).getByTestId('project-Spring clean-up of the riverbank');
    expect(card).toHaveAttribute('href', '/projects/p-active');
    expect(within(card).getByTestId('project-status')).toHaveTextContent('Идёт');
    expect(card).toHaveTextContent('Субботник');
    expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
    expect(within(card).getByTestId('partner-count')).toHaveTextContent('2 + менее 10 не в списке');
    expect(within(screen.getByTestId('projects-completed')).getByTestId('project-Iftar for the elderly')).toHaveTextContent('Благотворительная акция');
    // Proposals are not a plain participant's list.
    expect(screen.queryByTestId('projects-proposed')).not.toBeInTheDocument();
  });

  it('shows proposals to the coordinator', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    api.on('GET /api/clubs/club-1', { body: club({ viewerIsCoordinator: true }) });
    api.on('GET /api/clubs/club-1/projects', { body: [proposed, active] });
    renderApp('/clubs/club-1/projects');

    const group = await screen.findByTestId('projects-proposed');
    expect(within(group).getByRole('heading', { name: 'Awaiting approval (1)' })).toBeInTheDocument();
    expect(within(group).getByTestId('project-Friendly football match')).toBeInTheDocument();
    expect(screen.queryByTestId('propose-link')).not.toBeInTheDocument();
  });

  it('tells an anonymous visitor that only completed public projects are listed', async () => {
    api.on('GET /api/auth/me', anonymous);
    api.on('GET /api/clubs/club-1/projects', { body: [completed] });
    renderApp('/clubs/club-1/projects');

    expect(await screen.findByTestId('project-Iftar for the elderly')).toBeInTheDocument();
    expect(screen.getByText(/Only completed public projects are shown here/)).toBeInTheDocument();
    expect(screen.queryByTestId('propose-link')).not.toBeInTheDocument();
  });

  it('lets an observer community propose a project, checking the fields first', async () => {
    api.on('POST /api/clubs/club-1/projects', ({ body }) => {
      const created = project({ ...(body as object), id: 'p-created', status: 'proposed' });
      api.on('GET /api/projects/p-created', { body: created });
      return { status: 201, body: created };
    });
    const { user, router } = renderApp('/clubs/club-1/projects');

    await user.click(await screen.findByTestId('propose-link'));
    const title = await screen.findByLabelText('Title');
    await user.type(title, 'Hi');
    await user.click(screen.getByTestId('propose-submit'));
    expect(screen.getByText('Enter 3 to 200 characters.')).toBeInTheDocument();
    expect(screen.getByText('Enter 10 to 5000 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/clubs/club-1/projects')).toHaveLength(0);

    await user.clear(title);
    await user.type(title, 'Clean-up');
    await user.type(screen.getByLabelText('Description'), 'Riverbank day');
    await user.selectOptions(screen.getByLabelText('Category'), 'Clean-up');
    await user.type(screen.getByLabelText('Start date'), '2026-04-18');
    await user.type(screen.getByLabelText('End date (optional)'), '2026-04-17');
    await user.click(screen.getByTestId('propose-submit'));
    expect(screen.getByText('The end date cannot be before the start date.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('End date (optional)'));
    await user.selectOptions(screen.getByLabelText('Who sees it'), 'Club only');
    await user.click(screen.getByTestId('propose-submit'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Clean-up' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/projects/p-created');
    expect(screen.getByTestId('project-status')).toHaveAttribute('data-status', 'proposed');
    expect(api.callsTo('POST', '/api/clubs/club-1/projects')[0].body).toEqual({
      communityId: 'com-grace',
      title: 'Clean-up',
      description: 'Riverbank day',
      category: 'cleanup',
      startsOn: '2026-04-18',
      visibility: 'club',
    });
  }, TYPING_TIMEOUT);

  it('does not offer proposing to a community that only applied', async () => {
    api.on('GET /api/clubs/club-1', { body: club({ viewerParticipations: [participationSummary({ status: 'applied' })] }) });
    renderApp('/clubs/club-1/projects');

    expect(await screen.findByTestId('projects-active')).toBeInTheDocument();
    expect(screen.queryByTestId('propose-link')).not.toBeInTheDocument();
  });
});
