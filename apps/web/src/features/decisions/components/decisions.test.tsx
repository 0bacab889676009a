import { reapplyDateAfter } from '@dastarkhan/domain';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { coordinator, participation, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { decisionRecord, progress } from '../../pathway/test-fixtures';
import type { AppealCase } from '../api/decisions';

/** Typing-heavy tests take seconds alone; leave room for a loaded machine. */
const TYPING_TIMEOUT = 20_000;

const candidate = participation({ id: 'part-1', status: 'candidate', version: 3, availableActions: ['admit', 'defer', 'decline'] });
const PARTICIPATION = 'GET /api/participations/part-1';
const DECISIONS = 'GET /api/participations/part-1/decisions';
const PROGRESS = 'GET /api/participations/part-1/progress';
const admin = { ...coordinator([]), roles: [{ role: 'administrator' as const, clubId: null, communityId: null, region: null }] };

const record = decisionRecord;

describe('the coordinator decides on a candidacy', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      [PARTICIPATION]: { body: candidate },
      [PROGRESS]: { body: progress({ status: 'candidate' }) },
      [DECISIONS]: { body: [] },
    });
    api.install();
  });

  it('asks for an override reason when admitting with unmet milestones, and records the decision with the version seen', async () => {
    api.on('POST /api/participations/part-1/decisions', () => {
      const decision = record({ outcome: 'admit', reasonCode: 'coordinator_judgement', overrideReason: 'Vouched for by two members.', earliestReapplyOn: null, appealDeadline: null });
      api.on(PARTICIPATION, { body: participation({ ...candidate, status: 'member', version: 4, availableActions: [] }) });
      api.on(DECISIONS, { body: [decision] });
      return { body: { ...candidate, status: 'member', version: 4, decision } };
    });
    const { user } = renderApp('/participations/part-1/progress');

    await user.click(await screen.findByTestId('decision-outcome-admit'));
    const override = await screen.findByTestId('decision-override');
    expect(screen.getByText(/Not met: Meetings attended, Joint projects with confirmed contributions/)).toBeInTheDocument();
    expect(screen.queryByTestId('decision-reapply')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('decision-submit'));
    expect(screen.getByText('Please choose a reason.')).toBeInTheDocument();
    expect(screen.getAllByText('Please write at least 10 characters.')).toHaveLength(2);
    expect(api.callsTo('POST', '/api/participations/part-1/decisions')).toHaveLength(0);

    await user.selectOptions(screen.getByTestId('decision-reason-code'), "The coordinators' judgement");
    await user.type(screen.getByTestId('decision-reason-text'), 'They ran the winter soup kitchen with us.');
    await user.type(override, 'Vouched for by two members.');
    await user.click(screen.getByTestId('decision-submit'));

    expect(await screen.findByTestId('decision-notice')).toHaveTextContent('The decision is recorded.');
    expect(api.callsTo('POST', '/api/participations/part-1/decisions')[0].body).toEqual({
      outcome: 'admit',
      reasonCode: 'coordinator_judgement',
      reasonText: 'They ran the winter soup kitchen with us.',
      overrideReason: 'Vouched for by two members.',
      version: 3,
    });
    const decided = await screen.findByTestId('decision-record');
    expect(decided).toHaveAttribute('data-outcome', 'admit');
    expect(decided).toHaveTextContent('Admitted despite unmet milestones because: Vouched for by two members.');
    expect(screen.queryByTestId('decision-form')).not.toBeInTheDocument();
  }, TYPING_TIMEOUT);

  it('offers the reasons of the chosen outcome true of the candidacy now, and prefills the re-apply date with the suggested wait', async () => {
    // No concern is open: the API leaves "an open concern" out of the reasons.
    const decisionReasonCodes = {
      admit: ['coordinator_judgement' as const],
      defer: ['milestones_unmet' as const, 'more_participation_needed' as const, 'other' as const],
      decline: ['club_charter' as const, 'conduct' as const, 'inactive' as const, 'other' as const],
    };
    api.on(PROGRESS, { body: progress({ status: 'candidate', decisionReasonCodes }) });
    api.on('POST /api/participations/part-1/decisions', { body: { ...candidate, status: 'observer', decision: record() } });
    const { user } = renderApp('/participations/part-1/progress');

    await user.click(await screen.findByTestId('decision-outcome-defer'));
    const codes = within(screen.getByTestId('decision-reason-code')).getAllByRole('option').map((option) => option.textContent);
    expect(codes).toEqual(['Choose…', 'Milestones not yet met', 'More participation needed', 'Other reason']);
    expect(screen.getByTestId('decision-reapply')).toHaveValue(reapplyDateAfter(new Date(), 3));
    expect(screen.queryByTestId('decision-override')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('decision-outcome-decline'));
    expect(screen.getByTestId('decision-reapply')).toHaveValue(reapplyDateAfter(new Date(), 6));
    expect(within(screen.getByTestId('decision-reason-code')).getByRole('option', { name: "The club's charter" })).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('decision-reason-code'), 'Conduct');
    await user.type(screen.getByTestId('decision-reason-text'), 'Repeated disruption of the last two meetings.');
    await user.clear(screen.getByTestId('decision-reapply'));
    await user.type(screen.getByTestId('decision-reapply'), '2027-01-31');
    await user.click(screen.getByTestId('decision-submit'));

    await screen.findByTestId('decision-notice');
    expect(api.callsTo('POST', '/api/participations/part-1/decisions')[0].body).toEqual({
      outcome: 'decline',
      reasonCode: 'conduct',
      reasonText: 'Repeated disruption of the last two meetings.',
      earliestReapplyOn: '2027-01-31',
      version: 3,
    });
  }, TYPING_TIMEOUT);

  it('says someone else already decided and reloads when the version is stale', async () => {
    api.on('POST /api/participations/part-1/decisions', () => {
      // Another coordinator deferred the candidacy a moment ago.
      api.on(PARTICIPATION, { body: participation({ ...candidate, status: 'observer', version: 4, availableActions: ['nominate', 'suspend'] }) });
      api.on(DECISIONS, { body: [record()] });
      return apiError(409, 'PARTICIPATION.STALE_VERSION');
    });
    const { user } = renderApp('/participations/part-1/progress', { locale: 'kk' });

    await user.click(await screen.findByTestId('decision-outcome-defer'));
    await user.selectOptions(screen.getByTestId('decision-reason-code'), 'other');
    await user.type(screen.getByTestId('decision-reason-text'), 'Көктемгі кездесулерге келіңіздер.');
    await user.click(screen.getByTestId('decision-submit'));

    expect(await screen.findByTestId('decision-conflict')).toHaveTextContent(
      'Бұл кандидатура бойынша шешімді басқа біреу қабылдап қойған. Бет жаңартылды.',
    );
    expect(await screen.findByTestId('decision-record')).toHaveAttribute('data-outcome', 'defer');
    expect(screen.queryByTestId('decision-form')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/participations/part-1').length).toBeGreaterThanOrEqual(2);
  });

  it('shows the error in words when the API refuses', async () => {
    api.on('POST /api/participations/part-1/decisions', apiError(422, 'DECISION.OVERRIDE_REASON_REQUIRED', { overrideReason: 'required' }));
    // Progress shows every milestone met, so the form asks no override; the API judged otherwise under its lock.
    api.on(PROGRESS, { body: progress({ status: 'candidate', allMet: true, milestones: [] }) });
    const { user } = renderApp('/participations/part-1/progress', { locale: 'ru' });

    await user.click(await screen.findByTestId('decision-outcome-admit'));
    await user.selectOptions(screen.getByTestId('decision-reason-code'), 'milestones_met');
    await user.type(screen.getByTestId('decision-reason-text'), 'Все этапы выполнены, добро пожаловать.');
    await user.click(screen.getByTestId('decision-submit'));

    expect(await within(screen.getByTestId('decision-form')).findByRole('alert')).toHaveTextContent(
      'Чтобы принять при невыполненных этапах, нужно письменное обоснование.',
    );
  });
});

describe('the coordinator nominates an observer', () => {
  let api: FakeApi;
  const observer = participation({ id: 'part-1', status: 'observer', version: 2, availableActions: ['nominate', 'suspend'] });

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      [PARTICIPATION]: { body: observer },
      [PROGRESS]: { body: progress() },
      [DECISIONS]: { body: [] },
    });
    api.install();
  });

  it('warns that admitting will need an override while milestones are unmet, and nominates with the version seen', async () => {
    api.on('POST /api/participations/part-1/transitions', () => {
      api.on(PARTICIPATION, { body: participation({ ...observer, status: 'candidate', version: 3, availableActions: ['admit', 'defer', 'decline'] }) });
      return { body: { ...observer, status: 'candidate', version: 3 } };
    });
    const { user } = renderApp('/participations/part-1/progress');

    expect(await screen.findByTestId('coordinator-nomination')).toHaveTextContent('admitting will then need a written override reason');
    await user.click(screen.getByTestId('nominate'));

    expect(await screen.findByTestId('decision-notice')).toHaveTextContent('Nominated: the community is now a candidate.');
    expect(api.callsTo('POST', '/api/participations/part-1/transitions')[0].body).toEqual({ action: 'nominate', version: 2 });
    expect(await screen.findByTestId('decision-form')).toBeInTheDocument();
  });
});

describe('the community on its way', () => {
  let api: FakeApi;
  const observer = participation({ id: 'part-1', status: 'observer', version: 2, availableActions: ['request_nomination', 'withdraw'] });

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      [PARTICIPATION]: { body: observer },
      [PROGRESS]: { body: progress({ allMet: true, nextSteps: [] }) },
      [DECISIONS]: { body: [] },
      'GET /api/clubs/club-1': { body: { id: 'club-1', viewerParticipations: [] } },
    });
    api.install();
  });

  it('asks to be nominated once every milestone is met', async () => {
    api.on('POST /api/participations/part-1/nomination-request', () => {
      api.on(PARTICIPATION, { body: participation({ ...observer, status: 'candidate', version: 3, availableActions: ['withdraw'] }) });
      return { body: { ...observer, status: 'candidate', version: 3 } };
    });
    const { user } = renderApp('/participations/part-1/progress');

    await user.click(await screen.findByTestId('request-nomination'));

    expect(await screen.findByTestId('decision-notice')).toHaveTextContent('Your community is now a candidate. The coordinators will decide.');
    expect(api.callsTo('POST', '/api/participations/part-1/nomination-request')[0].body).toEqual({ version: 2 });
    expect(screen.queryByTestId('request-nomination')).not.toBeInTheDocument();
  });

  it('explains what remains instead of offering the request while milestones are unmet', async () => {
    api.on(PROGRESS, { body: progress() });
    renderApp('/participations/part-1/progress');

    expect(await screen.findByTestId('nomination-request')).toHaveTextContent('Once every required milestone is met you can ask to be nominated here.');
    expect(screen.queryByTestId('request-nomination')).not.toBeInTheDocument();
  });

  it('says from when it may ask again after a deferral', async () => {
    api.on('POST /api/participations/part-1/nomination-request', apiError(422, 'PATHWAY.TOO_EARLY_TO_REAPPLY', { earliestReapplyOn: '2026-09-15' }));
    const { user } = renderApp('/participations/part-1/progress');

    await user.click(await screen.findByTestId('request-nomination'));

    expect(await within(screen.getByTestId('nomination-request')).findByRole('alert')).toHaveTextContent(
      'The community may ask again from Sep 15, 2026.',
    );
  });

  it('sees an overturned decision in its history', async () => {
    api.on(PARTICIPATION, {
      body: participation({
        ...observer,
        status: 'candidate',
        events: [
          { id: 'e-5', action: 'overturn', fromStatus: 'observer', toStatus: 'candidate', reason: 'The attendance record was incomplete.', actorName: 'Secretariat', at: '2026-06-20T06:00:00.000Z' },
        ],
      }),
    });
    renderApp('/participations/part-1', { locale: 'ru' });

    expect(await screen.findByTestId('history-event')).toHaveTextContent('Решение отменено по апелляции');
  });

  it('reads its decisions with the snapshot, and appeals a deferral once', async () => {
    api.on(DECISIONS, { body: [record({ canAppeal: true })] });
    api.on('POST /api/decisions/dec-1/appeal', ({ body }) => {
      const appeal = { id: 'ap-1', status: 'open' as const, text: (body as { text: string }).text, appellantName: 'Aigerim Rep', createdAt: '2026-06-16T06:00:00.000Z', resolution: null, resolvedAt: null, resolvedByName: null };
      api.on(DECISIONS, { body: [record({ canAppeal: false, appeal })] });
      return { status: 201, body: record({ appeal }) };
    });
    const { user } = renderApp('/participations/part-1/progress');

    const decided = await screen.findByTestId('decision-record');
    expect(decided).toHaveAttribute('data-outcome', 'defer');
    expect(decided).toHaveTextContent('Candidacy deferred · More participation needed');
    expect(decided).toHaveTextContent('Decided by Bolat Coordinator on Jun 15, 2026');
    expect(decided).toHaveTextContent('Please come to the spring meetings first.');
    expect(within(decided).getByTestId('decision-reapply-date')).toHaveTextContent('May ask again from Sep 15, 2026');
    await user.click(within(decided).getByText('Milestones at the time of the decision: 4 of 6 met'));
    expect(within(within(decided).getByTestId('decision-snapshot')).getByText('Meetings attended: not met')).toBeVisible();
    expect(decided).toHaveTextContent('You may appeal this decision once, until Jul 15, 2026.');

    await user.click(within(decided).getByTestId('appeal-submit'));
    expect(within(decided).getByText('Please write at least 10 characters.')).toBeInTheDocument();
    await user.type(within(decided).getByTestId('appeal-text'), 'We attended every meeting we were invited to.');
    await user.click(within(decided).getByTestId('appeal-submit'));

    expect(await screen.findByTestId('appeal-status')).toHaveAttribute('data-status', 'open');
    expect(screen.getByTestId('appeal-status')).toHaveTextContent('Appeal pending');
    expect(api.callsTo('POST', '/api/decisions/dec-1/appeal')[0].body).toEqual({ text: 'We attended every meeting we were invited to.' });
    expect(screen.queryByTestId('appeal-text')).not.toBeInTheDocument();
  });
});

describe('the administrator decides appeals', () => {
  let api: FakeApi;
  const appealCase = (overrides: Partial<AppealCase> = {}): AppealCase => ({
    id: 'ap-1',
    status: 'open',
    text: 'We attended every meeting we were invited to.',
    appellantName: 'Aigerim Rep',
    createdAt: '2026-06-16T06:00:00.000Z',
    resolution: null,
    resolvedAt: null,
    resolvedByName: null,
    decision: record({ appeal: { id: 'ap-1', status: 'open', text: 'We attended every meeting we were invited to.', appellantName: 'Aigerim Rep', createdAt: '2026-06-16T06:00:00.000Z', resolution: null, resolvedAt: null, resolvedByName: null } }),
    club: { id: 'club-1', name: 'Almaty Multi-Faith Club' },
    community: { id: 'com-grace', name: 'Grace Church', tradition: 'evangelical_protestant', registrationStatus: 'not_registered' },
    ...overrides,
  });

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: admin },
      'GET /api/appeals': { body: [appealCase()] },
    });
    api.install();
  });

  it('lists open appeals with the decision and overturns one with a written ruling', async () => {
    api.on('POST /api/appeals/ap-1/resolution', ({ body }) => {
      api.on('GET /api/appeals', { body: [] });
      return { body: appealCase({ status: 'overturned', resolution: (body as { text: string }).text }) };
    });
    const { user } = renderApp('/admin/appeals');

    const item = await screen.findByTestId('appeal-item');
    expect(api.callsTo('GET', '/api/appeals')[0].query.get('status')).toBe('open');
    expect(within(item).getByRole('heading', { name: 'Grace Church' })).toBeInTheDocument();
    expect(item).toHaveTextContent('Club: Almaty Multi-Faith Club');
    expect(within(item).getByTestId('decision-record')).toHaveTextContent('Candidacy deferred · More participation needed');
    expect(within(item).getByTestId('appeal-status')).toHaveTextContent('We attended every meeting we were invited to.');

    await user.click(within(item).getByTestId('appeal-overturn'));
    expect(within(item).getByText('Please write at least 10 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/appeals/ap-1/resolution')).toHaveLength(0);

    await user.type(within(item).getByTestId('appeal-resolution-text'), 'The attendance record was incomplete.');
    await user.click(within(item).getByTestId('appeal-overturn'));

    expect(await screen.findByTestId('appeal-resolved')).toHaveTextContent('The appeal is decided.');
    expect(api.callsTo('POST', '/api/appeals/ap-1/resolution')[0].body).toEqual({ outcome: 'overturned', text: 'The attendance record was incomplete.' });
    expect(await screen.findByText('No open appeals.')).toBeInTheDocument();
  });

  it('keeps decided appeals with their ruling: the filter asks the API for a status, or for all', async () => {
    const ruling = { status: 'upheld' as const, resolution: 'The deferral followed the club policy.', resolvedAt: '2026-06-20T06:00:00.000Z', resolvedByName: 'Secretariat' };
    const upheld = appealCase({ ...ruling, decision: record({ appeal: { ...appealCase().decision.appeal!, ...ruling } }) });
    api.on('GET /api/appeals?status=open', { body: [appealCase()] });
    api.on('GET /api/appeals?status=upheld', { body: [upheld] });
    api.on('GET /api/appeals', { body: [appealCase(), upheld] });
    const { user } = renderApp('/admin/appeals', { locale: 'kk' });

    expect(await screen.findByTestId('appeal-item')).toHaveAttribute('data-status', 'open');
    await user.selectOptions(screen.getByLabelText('Шағымдарды көрсету'), 'upheld');

    await waitFor(() => expect(screen.getByTestId('appeal-item')).toHaveAttribute('data-status', 'upheld'));
    const item = screen.getByTestId('appeal-item');
    expect(within(item).getByTestId('appeal-item-status')).toHaveTextContent('Шешім өзгеріссіз қалды');
    expect(within(item).getByTestId('appeal-status')).toHaveTextContent('The deferral followed the club policy.');
    expect(within(item).queryByTestId('appeal-uphold')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/appeals').at(-1)!.query.get('status')).toBe('upheld');

    await user.selectOptions(screen.getByLabelText('Шағымдарды көрсету'), 'all');
    await waitFor(() => expect(screen.getAllByTestId('appeal-item')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/appeals').at(-1)!.query.has('status')).toBe(false);
  });

  it('shows "a community" where the reader may not see the community or the appellant', async () => {
    const hidden = appealCase({ community: null, appellantName: null });
    api.on('GET /api/appeals', { body: [{ ...hidden, decision: record({ appeal: { ...hidden.decision.appeal!, appellantName: null } }) }] });
    renderApp('/admin/appeals', { locale: 'ru' });

    const item = await screen.findByTestId('appeal-item');
    expect(within(item).getByRole('heading', { name: 'Община' })).toBeInTheDocument();
    expect(within(item).getByTestId('appeal-status')).toHaveTextContent('Апелляция: община');
  });

  it('upholds in Russian, and explains when the community has applied again', async () => {
    api.on('POST /api/appeals/ap-1/resolution', apiError(409, 'APPEAL.COMMUNITY_REAPPLIED'));
    const { user } = renderApp('/admin/appeals', { locale: 'ru' });

    const item = await screen.findByTestId('appeal-item');
    await user.type(within(item).getByTestId('appeal-resolution-text'), 'Решение остаётся в силе.');
    await user.click(within(item).getByTestId('appeal-overturn'));

    expect(await screen.findByRole('alert')).toHaveTextContent('После отказа община подала новую заявку; апелляцию можно только отклонить.');
    expect(within(item).getByTestId('appeal-uphold')).toHaveTextContent('Оставить решение в силе');
  });

  it('is not offered to anyone but administrators', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    renderApp('/admin/appeals');

    expect(await screen.findByRole('alert')).toHaveTextContent('This page is not available to your account.');
    expect(api.callsTo('GET', '/api/appeals')).toHaveLength(0);
  });
});
