import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { anonymous, community, coordinator, fewerThan, representative, withheld } from '../../../test/fixtures';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { renderApp } from '../../../test/render-app';
import { contribution, grace, milestone, mosque, project, revision } from '../test-fixtures';

/** Typing-heavy tests take ~1.5 s alone; leave room for a loaded machine. */
const TYPING_TIMEOUT = 20_000;

const PROJECT = 'GET /api/projects/proj-1';
const TRANSITIONS = 'POST /api/projects/proj-1/transitions';

describe('project page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      [PROJECT]: { body: project() },
    });
    api.install();
  });

  describe('a proposal, for the coordinator', () => {
    const proposal = project({ status: 'proposed', version: 1, availableActions: ['approve', 'decline'], viewerIsCoordinator: true });

    beforeEach(() => api.on(PROJECT, { body: proposal }));

    it('approves it with the version the coordinator saw', async () => {
      api.on(TRANSITIONS, () => {
        const approved = project({ ...proposal, status: 'active', version: 2, availableActions: ['cancel', 'complete'] });
        api.on(PROJECT, { body: approved });
        return { body: approved };
      });
      const { user } = renderApp('/projects/proj-1');

      await user.click(await screen.findByTestId('project-approve'));

      expect(await screen.findByText('The project is active. Communities can now join it.')).toBeInTheDocument();
      expect(screen.getByTestId('project-status')).toHaveAttribute('data-status', 'active');
      expect(api.callsTo('POST', '/api/projects/proj-1/transitions')[0].body).toEqual({ action: 'approve', version: 1 });
    });

    it('declines it only with a reason', async () => {
      api.on(TRANSITIONS, ({ body }) => {
        const declined = project({ ...proposal, status: 'declined', version: 2, availableActions: [], decisionReason: (body as { reason: string }).reason });
        api.on(PROJECT, { body: declined });
        return { body: declined };
      });
      const { user } = renderApp('/projects/proj-1', { locale: 'ru' });

      await user.click(await screen.findByTestId('project-decline'));
      const reason = screen.getByLabelText('Причина');
      await user.click(screen.getByTestId('project-confirm-decline'));
      expect(screen.getByText('Укажите причину.')).toBeInTheDocument();
      expect(reason).toHaveAttribute('aria-invalid', 'true');
      expect(api.callsTo('POST', '/api/projects/proj-1/transitions')).toHaveLength(0);

      await user.type(reason, 'В эти выходные в городе марафон.');
      await user.click(screen.getByTestId('project-confirm-decline'));

      expect(await screen.findByText('Предложение отклонено.')).toBeInTheDocument();
      expect(screen.getByTestId('decision-reason')).toHaveTextContent('Причина отклонения: В эти выходные в городе марафон.');
      expect(api.callsTo('POST', '/api/projects/proj-1/transitions')[0].body).toEqual({
        action: 'decline',
        reason: 'В эти выходные в городе марафон.',
        version: 1,
      });
    }, TYPING_TIMEOUT);

    it('says someone else decided when the version is stale, and reloads', async () => {
      api.on(TRANSITIONS, () => {
        api.on(PROJECT, { body: project({ ...proposal, status: 'active', version: 2, availableActions: ['cancel', 'complete'] }) });
        return apiError(409, 'PROJECT.STALE_VERSION');
      });
      const { user } = renderApp('/projects/proj-1', { locale: 'kk' });

      await user.click(await screen.findByTestId('project-approve'));

      expect(await screen.findByRole('alert')).toHaveTextContent('Бұл жобаны басқа біреу өзгертіп қойды.');
      expect(await screen.findByText('Жүріп жатыр', { selector: '[data-testid="project-status"]' })).toBeInTheDocument();
    });
  });

  describe('the contributions ledger', () => {
    const confirmedMosque = contribution({ id: 'con-mosque', community: mosque });
    const pendingGrace = contribution({
      id: 'con-grace',
      community: grace,
      version: 1,
      counted: null,
      latest: revision({ id: 'rev-g1', role: 'lead', volunteers: 25, hours: 75, inKind: '200 bin bags', status: 'pending', reviewedAt: null, reviewedByName: null }),
      revisions: [],
      viewerCanReview: true,
    });
    const ledgerProject = project({
      viewerIsCoordinator: true,
      ledger: [confirmedMosque, pendingGrace],
      totals: { volunteers: 10, hours: 20, contributions: 1 },
      partners: [
        { community: grace, role: 'lead', status: 'confirmed', joinedAt: '2026-03-01T06:00:00.000Z' },
        { community: mosque, role: 'partner', status: 'confirmed', joinedAt: '2026-03-02T06:00:00.000Z' },
      ],
    });

    it('counts only confirmed contributions in the totals and shows pending figures apart', async () => {
      api.on(PROJECT, { body: ledgerProject });
      renderApp('/projects/proj-1');

      const totals = await screen.findByTestId('ledger-totals');
      expect(within(totals).getByTestId('total-volunteers')).toHaveTextContent(/^10$/);
      expect(within(totals).getByTestId('total-hours')).toHaveTextContent(/^20$/);
      expect(within(totals).getByTestId('total-contributions')).toHaveTextContent(/^1$/);

      const graceLine = screen.getByTestId('contribution-Grace Church');
      expect(within(graceLine).getByText('Nothing confirmed yet.')).toBeInTheDocument();
      const pending = within(graceLine).getByTestId('pending-revision');
      expect(pending).toHaveTextContent('Awaiting confirmation');
      expect(pending).toHaveTextContent('25');
      expect(pending).toHaveTextContent('200 bin bags');

      const mosqueLine = screen.getByTestId('contribution-Central Mosque');
      expect(within(mosqueLine).getByTestId('counted-revision')).toHaveTextContent('Confirmed');
      expect(within(mosqueLine).queryByTestId('pending-revision')).not.toBeInTheDocument();
    });

    it('lets the coordinator confirm a pending contribution, and requires a reason to reject one', async () => {
      api.on(PROJECT, { body: ledgerProject });
      api.on('POST /api/projects/proj-1/contributions/con-grace/review', ({ body }) => {
        const confirmed = { ...pendingGrace.latest!, status: 'confirmed' as const };
        api.on(PROJECT, {
          body: project({
            ...ledgerProject,
            ledger: [confirmedMosque, { ...pendingGrace, version: 2, counted: confirmed, latest: confirmed, viewerCanReview: false }],
            totals: { volunteers: 35, hours: 95, contributions: 2 },
          }),
        });
        return { body: { ...pendingGrace, version: 2, counted: confirmed, latest: confirmed, review: body } };
      });
      const { user } = renderApp('/projects/proj-1');

      const line = await screen.findByTestId('contribution-Grace Church');
      await user.click(within(line).getByTestId('contribution-reject'));
      await user.click(within(line).getByTestId('contribution-confirm-reject'));
      expect(within(line).getByText('Please give a reason.')).toBeInTheDocument();
      await user.click(within(line).getByRole('button', { name: 'Back' }));

      await user.click(within(line).getByTestId('contribution-confirm'));

      expect(await screen.findByText('The contribution of Grace Church is confirmed.')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/projects/proj-1/contributions/con-grace/review')).toHaveLength(1);
      expect(api.callsTo('POST', '/api/projects/proj-1/contributions/con-grace/review')[0].body).toEqual({ decision: 'confirm', version: 1 });
      expect(await screen.findByText('35', { selector: '[data-testid="total-volunteers"]' })).toBeInTheDocument();
    });

    it('lets a representative log its contribution and keeps a correction apart until it is confirmed', async () => {
      api.on('GET /api/auth/me', { body: representative(['com-mosque']) });
      api.on('GET /api/communities/mine', { body: [community({ id: 'com-mosque', name: 'Central Mosque' })] });
      api.on(PROJECT, {
        body: project({
          partners: ledgerProject.partners,
          viewerCommunityIds: ['com-mosque'],
          ledger: [],
        }),
      });
      api.on('POST /api/projects/proj-1/contributions', ({ body }) => {
        const entered = revision({ ...(body as object), status: 'pending', reviewedAt: null, reviewedByName: null });
        const line = contribution({ id: 'con-m', version: 1, counted: null, latest: entered, revisions: [entered], viewerCanCorrect: true });
        api.on(PROJECT, { body: project({ partners: ledgerProject.partners, viewerCommunityIds: ['com-mosque'], ledger: [line] }) });
        return { status: 201, body: line };
      });
      const { user } = renderApp('/projects/proj-1');

      const form = await screen.findByRole('form', { name: 'Log your community’s contribution: Central Mosque' });
      expect(within(form).queryByLabelText('Role')).not.toBeInTheDocument();
      await user.click(within(form).getByTestId('contribution-submit'));
      expect(within(form).getByText('Enter the volunteers, the hours or what you brought.')).toBeInTheDocument();
      await user.type(within(form).getByLabelText('Hours'), '7,5x');
      await user.click(within(form).getByTestId('contribution-submit'));
      expect(within(form).getByText(/Enter a number of hours/)).toBeInTheDocument();

      await user.clear(within(form).getByLabelText('Hours'));
      await user.type(within(form).getByLabelText('Volunteers'), '12');
      await user.type(within(form).getByLabelText('Hours'), '7,5');
      await user.type(within(form).getByLabelText('In kind'), 'Tea and lunch for everyone');
      await user.click(within(form).getByTestId('contribution-submit'));

      const line = await screen.findByTestId('contribution-Central Mosque');
      expect(within(line).getByTestId('pending-revision')).toHaveTextContent('Tea and lunch for everyone');
      expect(within(line).getByText('Nothing confirmed yet.')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/projects/proj-1/contributions')[0].body).toEqual({
        communityId: 'com-mosque',
        role: 'partner',
        volunteers: 12,
        hours: 7.5,
        inKind: 'Tea and lunch for everyone',
      });
      expect(within(screen.getByTestId('ledger-totals')).getByTestId('total-volunteers')).toHaveTextContent(/^0$/);
    }, TYPING_TIMEOUT);

    it('shows the correction history newest first', async () => {
      const first = revision({ id: 'r1', revision: 1, volunteers: 10, status: 'confirmed' });
      const second = revision({ id: 'r2', revision: 2, volunteers: 14, status: 'rejected', reviewReason: 'Four people came only for tea.' });
      api.on(PROJECT, { body: project({ ledger: [contribution({ counted: first, latest: second, revisions: [first, second] })] }) });
      const { user } = renderApp('/projects/proj-1');

      const line = await screen.findByTestId('contribution-Central Mosque');
      expect(within(line).getByTestId('rejected-revision')).toHaveTextContent('Not confirmed: Four people came only for tea.');
      await user.click(within(line).getByText('Correction history (2)'));
      const revisions = within(line).getAllByTestId('revision');
      expect(revisions[0]).toHaveTextContent('Version 2');
      expect(revisions[1]).toHaveTextContent('Version 1 · Confirmed');
    });
  });

  describe('partners', () => {
    it('lets a representative ask to join and the coordinator confirm', async () => {
      api.on('GET /api/auth/me', { body: representative(['com-mosque']) });
      api.on('GET /api/communities/mine', { body: [community({ id: 'com-mosque', name: 'Central Mosque' })] });
      api.on(PROJECT, { body: project({ viewerCanJoinAs: ['com-mosque'] }) });
      api.on('POST /api/projects/proj-1/participants', () => {
        const joined = project({
          partners: [...project().partners, { community: mosque, role: 'partner', status: 'requested', joinedAt: '2026-03-02T06:00:00.000Z' }],
        });
        api.on(PROJECT, { body: joined });
        return { status: 201, body: joined };
      });
      const { user } = renderApp('/projects/proj-1');

      await user.click(await screen.findByRole('button', { name: 'Join with Central Mosque' }));

      expect(await screen.findByTestId('join-requested')).toHaveTextContent('Your request to join has been sent to the coordinator.');
      expect(within(screen.getByTestId('partner-Central Mosque')).getByText('Asked to join')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/projects/proj-1/participants')[0].body).toEqual({ communityId: 'com-mosque' });
    });

    it('lets the coordinator decline a request to join only with a reason', async () => {
      const requested = { community: mosque, role: 'partner' as const, status: 'requested' as const, joinedAt: '2026-03-02T06:00:00.000Z' };
      api.on(PROJECT, { body: project({ viewerIsCoordinator: true, partners: [...project().partners, requested] }) });
      api.on('POST /api/projects/proj-1/participants/com-mosque/decision', () => {
        const decided = project({ viewerIsCoordinator: true, partners: [...project().partners, { ...requested, status: 'declined' }] });
        api.on(PROJECT, { body: decided });
        return { body: decided };
      });
      const { user } = renderApp('/projects/proj-1');

      const row = await screen.findByTestId('partner-Central Mosque');
      await user.click(within(row).getByTestId('partner-decline'));
      await user.click(within(row).getByTestId('partner-confirm-decline'));
      expect(within(row).getByText('Please give a reason.')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/projects/proj-1/participants/com-mosque/decision')).toHaveLength(0);

      await user.type(within(row).getByLabelText('Reason for declining (the community sees it)'), 'Full');
      await user.click(within(row).getByTestId('partner-confirm-decline'));

      expect(await within(screen.getByTestId('partner-Central Mosque')).findByText('Declined')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/projects/proj-1/participants/com-mosque/decision')[0].body).toEqual({ decision: 'decline', reason: 'Full' });
    }, TYPING_TIMEOUT);

    it('shows the public only the partners the API discloses', async () => {
      api.on('GET /api/auth/me', anonymous);
      api.on(PROJECT, {
        body: project({
          status: 'completed',
          leadCommunity: null,
          partners: [{ community: mosque, role: 'partner', status: 'confirmed', joinedAt: '2026-03-02T06:00:00.000Z' }],
          undisclosed: { partners: fewerThan(10), volunteers: fewerThan(10), hours: withheld },
          totals: { volunteers: 35, hours: 95, contributions: 2 },
          outcome: {
            summary: 'We collected the litter along two kilometres of the riverbank.',
            figures: [{ label: 'Bags of litter', value: 84 }],
            photoLinks: ['https://photos.example.kz/cleanup/1.jpg', 'javascript:alert(1)'],
            completedAt: '2026-04-20T12:00:00.000Z',
          },
        }),
      });
      renderApp('/projects/proj-1');

      const report = await screen.findByTestId('outcome-report');
      expect(report).toHaveTextContent('We collected the litter along two kilometres of the riverbank.');
      expect(within(report).getByText('Bags of litter').nextSibling).toHaveTextContent('84');
      expect(within(report).getAllByRole('link')).toHaveLength(1);
      expect(within(report).getByRole('link', { name: 'Photo 1' })).toHaveAttribute('href', 'https://photos.example.kz/cleanup/1.jpg');
      const partners = screen.getByTestId('partners');
      expect(within(partners).getByText('Central Mosque')).toBeInTheDocument();
      expect(screen.queryByText('Grace Church')).not.toBeInTheDocument();
      const undisclosed = screen.getByTestId('undisclosed-partners');
      expect(undisclosed).toHaveTextContent('Partners not shown: fewer than 10 · their volunteers: fewer than 10 · their hours: —');
      // A withheld figure is a dash on screen and words for a screen reader.
      expect(within(undisclosed).getByTestId('undisclosed-hours')).toHaveAttribute('data-figure', 'withheld');
      expect(within(undisclosed).getByText('—')).toHaveAttribute('aria-hidden', 'true');
      expect(within(undisclosed).getByText('not shown')).toHaveClass('visually-hidden');
      expect(screen.getByTestId('ledger-totals')).toHaveTextContent('These totals count the communities listed here');
      expect(within(screen.getByRole('main')).queryAllByRole('button')).toEqual([]);
    });

    it('tells a visitor when the project is not visible to them', async () => {
      api.on('GET /api/auth/me', anonymous);
      api.on(PROJECT, apiError(404, 'NOT_FOUND'));
      renderApp('/projects/proj-1');

      expect(await screen.findByText('This project does not exist, or it is not visible to you.')).toBeInTheDocument();
    });
  });

  describe('milestones', () => {
    it('shows the progress and lets the coordinator tick a milestone off', async () => {
      const milestones = [
        milestone({ id: 'm1', title: 'Buy bags and gloves', done: true, doneAt: '2026-04-08T06:00:00.000Z', dueOn: '2026-04-10' }),
        milestone({ id: 'm2', title: 'Agree the route with the akimat', dueOn: '2026-04-12', overdue: true, version: 4 }),
        milestone({ id: 'm3', title: 'Clean-up day', dueOn: '2026-04-18' }),
      ];
      api.on(PROJECT, { body: project({ viewerIsCoordinator: true, milestones, progress: { done: 1, total: 3, percent: 33 } }) });
      api.on('PATCH /api/projects/proj-1/milestones/m2', () => {
        const done = { ...milestones[1], done: true, doneAt: '2026-04-11T06:00:00.000Z', overdue: false, version: 5 };
        api.on(PROJECT, { body: project({ viewerIsCoordinator: true, milestones: [milestones[0], done, milestones[2]], progress: { done: 2, total: 3, percent: 66 } }) });
        return { body: done };
      });
      const { user } = renderApp('/projects/proj-1');

      const section = await screen.findByTestId('milestones');
      expect(within(section).getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '33');
      expect(within(section).getByTestId('progress-text')).toHaveTextContent('1 of 3 done (33%)');
      expect(within(screen.getByTestId('milestone-Agree the route with the akimat')).getByText('Overdue')).toBeInTheDocument();

      await user.click(within(section).getByLabelText('Agree the route with the akimat'));

      expect(await within(section).findByText('2 of 3 done (66%)')).toBeInTheDocument();
      expect(within(section).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '66');
      expect(api.callsTo('PATCH', '/api/projects/proj-1/milestones/m2')[0].body).toEqual({ done: true, version: 4 });
    });

    it('lets the coordinator add a milestone', async () => {
      api.on(PROJECT, { body: project({ viewerIsCoordinator: true }) });
      api.on('POST /api/projects/proj-1/milestones', ({ body }) => ({ status: 201, body: milestone({ ...(body as object), id: 'm9' }) }));
      const { user } = renderApp('/projects/proj-1');

      expect(await screen.findByText('No milestones yet.')).toBeInTheDocument();
      await user.type(screen.getByLabelText('New milestone'), 'Print the leaflets');
      await user.type(screen.getByLabelText('Due date (optional)'), '2026-04-05');
      await user.click(screen.getByTestId('milestone-add'));

      expect(api.callsTo('POST', '/api/projects/proj-1/milestones')[0].body).toEqual({ title: 'Print the leaflets', dueOn: '2026-04-05' });
    });
  });

  it('completes the project with an outcome report', async () => {
    const active = project({ viewerIsCoordinator: true, version: 7, availableActions: ['cancel', 'complete'] });
    api.on(PROJECT, { body: active });
    api.on('POST /api/projects/proj-1/complete', ({ body }) => {
      const input = body as { summary: string; figures: { label: string; value: number }[]; photoLinks: string[] };
      const completed = project({
        ...active,
        status: 'completed',
        availableActions: [],
        outcome: { ...input, completedAt: '2026-04-20T12:00:00.000Z' },
      });
      api.on(PROJECT, { body: completed });
      return { body: completed };
    });
    const { user } = renderApp('/projects/proj-1');

    await user.click(await screen.findByTestId('project-complete'));
    const form = screen.getByRole('form', { name: 'Complete the project' });
    await user.type(within(form).getByLabelText('What was achieved'), 'Short');
    await user.type(within(form).getByLabelText('What was counted (1)'), 'Bags');
    await user.type(within(form).getByLabelText('Photo link 1'), 'http://x.kz/1');
    await user.click(within(form).getByTestId('outcome-submit'));
    expect(within(form).getByText('Describe the outcome in 10 to 5000 characters.')).toBeInTheDocument();
    expect(within(form).getByText('Enter a number, 0 or more.')).toBeInTheDocument();
    expect(within(form).getByText('Enter a link starting with https://')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/projects/proj-1/complete')).toHaveLength(0);

    await user.type(within(form).getByLabelText('What was achieved'), ' clean-up');
    await user.type(within(form).getByLabelText('How many (1)'), '84');
    await user.click(within(form).getByTestId('add-figure'));
    await user.type(within(form).getByLabelText('What was counted (2)'), 'People');
    await user.type(within(form).getByLabelText('How many (2)'), '40');
    await user.clear(within(form).getByLabelText('Photo link 1'));
    await user.type(within(form).getByLabelText('Photo link 1'), 'https://x.kz/1');
    await user.click(within(form).getByTestId('outcome-submit'));

    expect(await screen.findByText('The project is completed. Thank you to everyone who took part!')).toBeInTheDocument();
    expect(screen.getByTestId('outcome-report')).toHaveTextContent('People');
    expect(api.callsTo('POST', '/api/projects/proj-1/complete')[0].body).toEqual({
      version: 7,
      summary: 'Short clean-up',
      figures: [
        { label: 'Bags', value: 84 },
        { label: 'People', value: 40 },
      ],
      photoLinks: ['https://x.kz/1'],
    });
  }, TYPING_TIMEOUT);
});
