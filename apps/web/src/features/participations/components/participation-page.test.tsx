import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { anonymous, coordinator, participation, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { decisionRecord } from '../../pathway/test-fixtures';

const observer = participation({
  id: 'part-1',
  status: 'observer',
  version: 2,
  availableActions: ['withdraw'],
  events: [
    // 09:30 UTC is 14:30 in Almaty (UTC+5); 20:15 UTC on the 11th is 01:15 on the 12th there.
    { id: 'e-2', action: 'accept', fromStatus: 'applied', toStatus: 'observer', reason: null, actorName: 'Bolat Coordinator', at: '2025-03-11T20:15:00.000Z' },
    { id: 'e-1', action: 'apply', fromStatus: null, toStatus: 'applied', reason: null, actorName: 'Aigerim Rep', at: '2025-03-10T09:30:00.000Z' },
  ],
});

describe('participation page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/participations/part-1': { body: observer },
    });
    api.install();
  });

  it('a declined application shows its decision with the date it may apply again', async () => {
    api.on('GET /api/participations/part-1', { body: { ...observer, status: 'declined', availableActions: [] } });
    api.on('GET /api/participations/part-1/decisions', {
      body: [decisionRecord({ outcome: 'decline', fromStatus: 'applied', reasonCode: 'club_charter', earliestReapplyOn: '2027-06-03' })],
    });
    renderApp('/participations/part-1', { locale: 'ru' });

    expect(await screen.findByTestId('decision-reapply-date')).toHaveTextContent('Может обратиться снова с 3 июн. 2027');
  });

  it('shows the history oldest first, in Almaty time', async () => {
    renderApp('/participations/part-1', { locale: 'en' });

    const events = await screen.findAllByTestId('history-event');
    expect(events).toHaveLength(2);
    expect(within(events[0]).getByRole('time')).toHaveAttribute('datetime', '2025-03-10T09:30:00.000Z');
    expect(events[0]).toHaveTextContent('Mar 10, 2025, 2:30 PM');
    expect(within(events[0]).getByRole('strong')).toHaveTextContent(/^Applied$/);
    expect(events[0]).toHaveTextContent('by Aigerim Rep');
    // Crossing midnight: the UTC date (11th) is not the Almaty date (12th).
    expect(events[1]).toHaveTextContent('Mar 12, 2025, 1:15 AM');
    expect(events[1]).toHaveTextContent('Accepted as observer: Applied → Observer');
    expect(events[1]).toHaveTextContent('by Bolat Coordinator');
  });

  it('formats history times in the current language', async () => {
    renderApp('/participations/part-1', { locale: 'ru' });

    const events = await screen.findAllByTestId('history-event');
    expect(events[0]).toHaveTextContent('10 мар. 2025, 14:30');
    expect(events[1]).toHaveTextContent('12 мар. 2025, 01:15');
    expect(events[1]).toHaveTextContent('Принята наблюдателем: Заявка подана → Наблюдатель');
  });

  it('writes Kazakh dates with Kazakh month names, in Almaty time', async () => {
    renderApp('/participations/part-1', { locale: 'kk' });

    const events = await screen.findAllByTestId('history-event');
    expect(within(events[0]).getByRole('time')).toHaveTextContent('2025 ж. 10 наурыз, 14:30');
    expect(within(events[1]).getByRole('time')).toHaveTextContent('2025 ж. 12 наурыз, 01:15');
    expect(events[1]).toHaveTextContent('Бақылаушы ретінде қабылданды: Өтінім берілді → Бақылаушы');
  });

  it('shows the status, and lets the representative withdraw with the current version', async () => {
    api.on('POST /api/participations/part-1/transitions', () => {
      const withdrawn = participation({ ...observer, status: 'withdrawn', version: 3, availableActions: [] });
      api.on('GET /api/participations/part-1', { body: withdrawn });
      return { status: 201, body: withdrawn };
    });
    const { user } = renderApp('/participations/part-1');

    expect(await screen.findByTestId('status-badge')).toHaveAttribute('data-status', 'observer');
    expect(screen.getByText('We would like to join the city clean-up and meet our neighbours.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    expect(screen.getByText(/Withdraw from this club\?/)).toBeInTheDocument();
    await user.click(screen.getByTestId('confirm-withdraw'));

    expect(await screen.findByText('Withdrawn', { selector: '[data-testid="status-badge"]' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/participations/part-1/transitions')[0].body).toEqual({ action: 'withdraw', version: 2 });
    expect(screen.queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  });

  it('lets the withdrawing community ask that its contact details be erased', async () => {
    api.on('POST /api/participations/part-1/transitions', () => {
      const withdrawn = participation({ ...observer, status: 'withdrawn', version: 3, availableActions: [] });
      api.on('GET /api/participations/part-1', { body: withdrawn });
      return { status: 200, body: withdrawn };
    });
    const { user } = renderApp('/participations/part-1');

    await user.click(await screen.findByRole('button', { name: 'Withdraw' }));
    await user.click(screen.getByRole('checkbox', { name: /erase our contact details/ }));
    await user.click(screen.getByTestId('confirm-withdraw'));

    await screen.findByText('Withdrawn', { selector: '[data-testid="status-badge"]' });
    expect(api.callsTo('POST', '/api/participations/part-1/transitions')[0].body).toEqual({
      action: 'withdraw',
      eraseContactDetails: true,
      version: 2,
    });
  });

  it.each([
    ['en', 'by a community'],
    ['kk', 'орындаған: қауымдастық'],
    ['ru', 'кто: община'],
  ] as const)('prints an actor the naming rule withholds as "a community" (%s)', async (locale, actor) => {
    api.on('GET /api/participations/part-1', {
      body: participation({ ...observer, events: [{ ...observer.events[1], actorName: null }] }),
    });
    renderApp('/participations/part-1', { locale });
    expect(await screen.findByTestId('history-event')).toHaveTextContent(actor);
  });

  it('offers only the steps of the transition endpoint, and names an overturn in the history', async () => {
    api.on('GET /api/auth/me', { body: coordinator() });
    api.on('GET /api/participations/part-1', {
      body: participation({
        ...observer,
        status: 'observer',
        availableActions: ['nominate', 'suspend', 'defer', 'overturn'],
        events: [{ id: 'e-3', action: 'overturn', fromStatus: 'declined', toStatus: 'observer', reason: null, actorName: 'Admin', at: '2025-04-01T06:00:00.000Z' }],
      }),
    });
    renderApp('/participations/part-1');
    expect(await screen.findByTestId('history-event')).toHaveTextContent('Decision overturned on appeal: Declined → Observer');
    const actions = within(screen.getByRole('region', { name: 'Actions' })).getAllByRole('button');
    expect(actions.map((button) => button.dataset.testid)).toEqual(['nominate', 'suspend']);
  });

  it('sends the user to log in again when the session has expired', async () => {
    let meCalls = 0;
    api.on('GET /api/auth/me', () => (++meCalls === 1 ? { body: representative(['com-grace']) } : anonymous));
    api.on('GET /api/participations/part-1', anonymous);
    const { router } = renderApp('/participations/part-1');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByTestId('current-user')).not.toBeInTheDocument();
  });
});
