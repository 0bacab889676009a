import { reapplyDateAfter } from '@dastarkhan/domain';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { club, communityRef, coordinator, participation, participationSummary } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { decisionRecord } from '../../pathway/test-fixtures';

const grace = participationSummary({
  id: 'part-grace',
  version: 3,
  createdAt: new Date().toISOString(),
  community: communityRef({ id: 'com-grace', name: 'Grace Church', registrationStatus: 'not_registered' }),
  statement: 'We would like to take part in the joint charity drive.',
});
const mosque = participationSummary({
  id: 'part-mosque',
  version: 1,
  createdAt: '2025-03-11T04:00:00.000Z',
  community: communityRef({ id: 'com-mosque', name: 'Central Mosque', tradition: 'sunni_islam', registrationStatus: 'registered' }),
  statement: 'Our registered community wants to join as a full member.',
});

const APPLICATIONS = 'GET /api/clubs/club-1/participations';

describe('applications page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: coordinator(['club-1']) },
      'GET /api/clubs/club-1': { body: club({ viewerIsCoordinator: true, pendingApplications: 2 }) },
      [APPLICATIONS]: { body: [grace, mosque] },
    });
    api.install();
  });

  it('lists pending applications with community, tradition, registration and statement', async () => {
    renderApp('/clubs/club-1/applications');

    const card = await screen.findByTestId('application-Grace Church');
    expect(within(card).getByRole('heading', { name: 'Grace Church' })).toBeInTheDocument();
    expect(within(card).getByText('Evangelical Protestant')).toBeInTheDocument();
    expect(within(card).getByText('Not registered')).toBeInTheDocument();
    expect(within(card).getByText('We would like to take part in the joint charity drive.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/clubs/club-1/participations')[0].query.get('status')).toBe('applied');
  });

  it('flags an application waiting more than 30 days as overdue, in Russian', async () => {
    renderApp('/clubs/club-1/applications', { locale: 'ru' });

    const old = await screen.findByTestId('application-Central Mosque');
    expect(within(old).getByTestId('application-overdue')).toHaveTextContent(/^Просрочено: ждёт \d+ дн\.$/);
    const fresh = screen.getByTestId('application-Grace Church');
    expect(within(fresh).queryByTestId('application-overdue')).not.toBeInTheDocument();
  });

  it('offers "Admit as member" only for a registered community', async () => {
    renderApp('/clubs/club-1/applications');

    const unregistered = await screen.findByTestId('application-Grace Church');
    expect(within(unregistered).getByRole('button', { name: 'Accept as observer' })).toBeInTheDocument();
    expect(within(unregistered).queryByRole('button', { name: 'Admit as member' })).not.toBeInTheDocument();

    const registered = screen.getByTestId('application-Central Mosque');
    expect(within(registered).getByRole('button', { name: 'Admit as member' })).toBeInTheDocument();
  });

  it('requires a reason code and a written reason to decline, and records the decision with the version the coordinator saw', async () => {
    api.on('POST /api/participations/part-grace/decisions', () => {
      api.on(APPLICATIONS, { body: [mosque] });
      const decision = decisionRecord({ outcome: 'decline', fromStatus: 'applied', reasonCode: 'other', earliestReapplyOn: '2027-01-20' });
      return { status: 201, body: { ...participation({ ...grace, status: 'declined', version: 4 }), decision } };
    });
    const { user } = renderApp('/clubs/club-1/applications');

    const card = await screen.findByTestId('application-Grace Church');
    expect(within(card).queryByLabelText('Reason for declining')).not.toBeInTheDocument();
    expect(within(card).getByTestId('applicant-profile')).toHaveAttribute('href', '/communities/com-grace');
    await user.click(within(card).getByTestId('decline'));

    const reason = within(card).getByTestId('decline-reason');
    await user.click(within(card).getByTestId('confirm-decline'));
    expect(within(card).getByText('Please give a reason.')).toBeInTheDocument();
    expect(within(card).getByText('Please choose a reason.')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');

    await user.type(reason, 'Full.');
    await user.selectOptions(within(card).getByTestId('decline-reason-code'), 'Other reason');
    await user.click(within(card).getByTestId('confirm-decline'));
    expect(within(card).getByText('Please write at least 10 characters.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-grace/decisions')).toHaveLength(0);

    await user.clear(reason);
    await user.type(reason, 'The club is full until autumn.');
    // The earliest re-apply date is suggested (six months) and can be changed.
    expect(within(card).getByTestId('decline-reapply')).toHaveValue(reapplyDateAfter(new Date(), 6));
    await user.clear(within(card).getByTestId('decline-reapply'));
    await user.type(within(card).getByTestId('decline-reapply'), '2027-01-20');
    await user.click(within(card).getByTestId('confirm-decline'));

    expect(await screen.findByText('The application of Grace Church has been declined. It may apply again from Jan 20, 2027.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-grace/decisions')[0].body).toEqual({
      outcome: 'decline',
      reasonCode: 'other',
      reasonText: 'The club is full until autumn.',
      earliestReapplyOn: '2027-01-20',
      version: 3,
    });
    expect(api.callsTo('POST', '/api/participations/part-grace/transitions')).toHaveLength(0);
    expect(screen.queryByTestId('application-Grace Church')).not.toBeInTheDocument();
  });

  it('admits a registered community straight to member with a decision record', async () => {
    api.on('POST /api/participations/part-mosque/decisions', () => {
      api.on(APPLICATIONS, { body: [grace] });
      const decision = decisionRecord({ outcome: 'admit', fromStatus: 'applied', reasonCode: 'registered_community', earliestReapplyOn: null });
      return { body: { ...participation({ ...mosque, status: 'member', version: 2 }), decision } };
    });
    const { user } = renderApp('/clubs/club-1/applications', { locale: 'ru' });

    await user.click(within(await screen.findByTestId('application-Central Mosque')).getByTestId('admit'));

    expect(await screen.findByRole('status')).toHaveTextContent('Община «Central Mosque» теперь член клуба.');
    expect(screen.queryByTestId('application-Central Mosque')).not.toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-mosque/decisions')[0].body).toEqual({
      outcome: 'admit',
      reasonCode: 'registered_community',
      reasonText: 'Зарегистрированная община, принятая сразу по заявке.',
      version: 1,
    });
  });

  it('accepts an application as observer', async () => {
    api.on('POST /api/participations/part-grace/transitions', () => {
      api.on(APPLICATIONS, { body: [mosque] });
      return { status: 201, body: participation({ ...grace, status: 'observer', version: 4 }) };
    });
    const { user } = renderApp('/clubs/club-1/applications');

    await user.click(within(await screen.findByTestId('application-Grace Church')).getByTestId('accept'));

    expect(await screen.findByText('Grace Church is now an observer.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-grace/transitions')[0].body).toEqual({ action: 'accept', version: 3 });
  });

  it('says someone else already decided and reloads the list when the version is stale', async () => {
    api.on('POST /api/participations/part-grace/transitions', () => {
      // Another coordinator accepted Grace Church a moment ago.
      api.on(APPLICATIONS, { body: [mosque] });
      return apiError(409, 'CONFLICT');
    });
    const { user } = renderApp('/clubs/club-1/applications', { locale: 'kk' });

    await user.click(within(await screen.findByTestId('application-Grace Church')).getByTestId('accept'));

    expect(await screen.findByTestId('conflict-notice')).toHaveTextContent(
      'Бұл өтінім бойынша шешімді басқа біреу қабылдап қойған. Тізім жаңартылды.',
    );
    expect(await screen.findByTestId('application-Central Mosque')).toBeInTheDocument();
    expect(screen.queryByTestId('application-Grace Church')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/clubs/club-1/participations').length).toBeGreaterThanOrEqual(2);
  });

  it('is not offered to someone who coordinates no club', async () => {
    api.on('GET /api/auth/me', { body: { ...coordinator([]), roles: [] } });
    renderApp('/clubs/club-1/applications');

    expect(await screen.findByRole('alert')).toHaveTextContent('This page is not available to your account.');
    expect(api.callsTo('GET', '/api/clubs/club-1/participations')).toHaveLength(0);
  });
});
