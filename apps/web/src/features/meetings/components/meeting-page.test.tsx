import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { actionItem, anonymous, communityRef, coordinator, meeting, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const noItems = { body: { created: [], carriedOver: [] } };
const draft = { body: { minutes: '', decisions: [], publishedAt: null } };

describe('meeting page', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/meetings/meeting-1': { body: meeting({ viewerCanRsvp: true }) },
      'GET /api/meetings/meeting-1/minutes': draft,
      'GET /api/meetings/meeting-1/action-items': noItems,
      'GET /api/communities/mine': { body: [{ id: 'com-grace', name: 'Grace Church' }] },
      'GET /api/meetings/meeting-1/rsvps': { body: { counts: { yes: 0, no: 0, maybe: 0, noAnswer: 1, expectedPeople: 0 }, responses: [], invited: [] } },
    });
    api.install();
  });

  it('shows open action items carried over from earlier meetings, and this meeting’s own', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    api.on('GET /api/meetings/meeting-1/action-items', {
      body: {
        carriedOver: [actionItem(), actionItem({ id: 'item-2', title: 'Print the leaflets', ownerCommunity: null, ownerIsCommunity: false, ownerName: 'Daniyar', overdue: true })],
        created: [actionItem({ id: 'item-3', meetingId: 'meeting-1', meetingTitle: 'December meeting', title: 'Invite the youth centre' })],
      },
    });
    renderApp('/meetings/meeting-1');

    const carried = await screen.findByTestId('carried-over');
    expect(screen.getByRole('heading', { name: 'From earlier meetings' })).toBeInTheDocument();
    const items = within(carried).getAllByTestId('action-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Book the park for the clean-up');
    expect(items[0]).toHaveTextContent('Owner: Grace Church');
    expect(within(items[0]).getByRole('link', { name: /November meeting/ })).toHaveAttribute('href', '/meetings/meeting-0');
    expect(items[1]).toHaveTextContent('Owner: Daniyar');
    expect(items[1]).toHaveTextContent('Overdue');
    // The owner community's representative may mark its own item done, not someone else's.
    expect(within(items[0]).getByRole('button', { name: 'Mark done' })).toBeInTheDocument();
    expect(within(items[1]).queryByRole('button', { name: 'Mark done' })).not.toBeInTheDocument();
    expect(within(screen.getByTestId('meeting-action-items')).getByText('Invite the youth centre')).toBeInTheDocument();
  });

  it('shows details in Almaty time with topics in the UI language, without attendee data for anonymous visitors', async () => {
    api.on('GET /api/auth/me', anonymous);
    api.on('GET /api/meetings/meeting-1', { body: meeting({ visibility: 'public' }) });
    renderApp('/meetings/meeting-1', { locale: 'kk' });

    expect(await screen.findByRole('heading', { level: 1, name: 'December meeting' })).toBeInTheDocument();
    expect(screen.getByTestId('meeting-when')).toHaveTextContent('2026 ж. 1 желтоқсан, 18:00–20:00');
    expect(within(screen.getByTestId('topic-chips')).getByText('Жастар')).toBeInTheDocument();
    expect(within(screen.getByTestId('agenda')).getByText('Youth summer camp')).toBeInTheDocument();
    expect(screen.queryByTestId('rsvp-box')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/meetings/meeting-1/action-items')).toHaveLength(0);
    expect(api.callsTo('GET', '/api/meetings/meeting-1/rsvps')).toHaveLength(0);
  });

  it.each([
    ['en', 'a community'],
    ['kk', 'қауымдастық'],
    ['ru', 'община'],
  ] as const)('prints the agenda presenters: a community by name, one the reader may not see as "a community" (%s), a guest as typed', async (locale, hidden) => {
    api.on('GET /api/auth/me', anonymous);
    api.on('GET /api/meetings/meeting-1', {
      body: meeting({
        visibility: 'public',
        agenda: [
          { id: 'a-1', position: 1, title: 'Ramadan in the city', presenter: '', presenterCommunity: communityRef({ id: 'com-mosque', name: 'Central Mosque' }), presenterIsCommunity: true },
          { id: 'a-2', position: 2, title: 'Our youth camp', presenter: '', presenterCommunity: null, presenterIsCommunity: true },
          { id: 'a-3', position: 3, title: 'Youth policy', presenter: 'Akimat youth department', presenterCommunity: null, presenterIsCommunity: false },
        ],
      }),
    });
    renderApp('/meetings/meeting-1', { locale });

    const items = await screen.findAllByTestId('agenda-item');
    expect(items[0]).toHaveTextContent('Ramadan in the city — Central Mosque');
    expect(items[1]).toHaveTextContent(`Our youth camp — ${hidden}`);
    expect(items[2]).toHaveTextContent('Youth policy — Akimat youth department');
  });

  it('lets a representative of an invited community answer yes for 3 people', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    api.on('PUT /api/meetings/meeting-1/rsvp', ({ body }) => {
      const answer = { ...(body as object), communityName: 'Grace Church', updatedAt: '2026-11-25T10:00:00.000Z' };
      api.on('GET /api/meetings/meeting-1/rsvps', { body: { counts: { yes: 1, no: 0, maybe: 0, noAnswer: 0, expectedPeople: 3 }, responses: [answer], invited: [] } });
      return { body: answer };
    });
    const { user } = renderApp('/meetings/meeting-1');

    const box = await screen.findByTestId('rsvp-box');
    await user.click(await within(box).findByRole('button', { name: 'Yes' }));
    const people = within(box).getByLabelText('How many people will come');
    await user.clear(people);
    await user.type(people, '3');
    await user.click(within(box).getByRole('button', { name: 'Send answer' }));

    expect(await within(box).findByTestId('rsvp-saved')).toHaveTextContent('Your answer: Yes, people: 3.');
    expect(api.callsTo('PUT', '/api/meetings/meeting-1/rsvp')[0].body).toEqual({ communityId: 'com-grace', answer: 'yes', attendees: 3 });
  });

  it('shows the coordinator the check-in code, the answers and the tools', async () => {
    api.on('GET /api/auth/me', { body: coordinator(['club-1']) });
    api.on('GET /api/meetings/meeting-1', { body: meeting({ viewerIsCoordinator: true, checkInCode: 'K7P2QX', seriesId: 'series-1' }) });
    api.on('GET /api/meetings/meeting-1/rsvps', {
      body: {
        counts: { yes: 1, no: 1, maybe: 0, noAnswer: 1, expectedPeople: 3 },
        responses: [
          { communityId: 'com-grace', communityName: 'Grace Church', answer: 'yes', attendees: 3, updatedAt: '2026-11-25T10:00:00.000Z' },
          { communityId: 'com-mosque', communityName: 'Central Mosque', answer: 'no', attendees: 0, updatedAt: '2026-11-25T10:00:00.000Z' },
          { communityId: 'com-hidden', communityName: null, answer: 'maybe', attendees: 2, updatedAt: '2026-11-25T10:00:00.000Z' },
        ],
        invited: [communityRef(), communityRef({ id: 'com-mosque', name: 'Central Mosque' }), communityRef({ id: 'com-jewish', name: 'Jewish Community' })],
      },
    });
    const { user } = renderApp('/meetings/meeting-1');

    expect(await screen.findByTestId('check-in-code')).toHaveTextContent('K7P2QX');
    const overview = await screen.findByTestId('rsvp-overview');
    expect(await within(overview).findByTestId('rsvp-count-yes')).toHaveTextContent('1');
    expect(within(overview).getByTestId('rsvp-expected')).toHaveTextContent('People expected: 3');
    expect(within(overview).getAllByTestId('rsvp-response')[0]).toHaveTextContent('Grace Church');
    expect(within(overview).getAllByTestId('rsvp-response')[2]).toHaveTextContent('A community');
    expect(overview).toHaveTextContent('Not answered yet: Jewish Community');
    expect(screen.getByTestId('attendance-link')).toHaveAttribute('href', '/meetings/meeting-1/attendance');

    api.on('POST /api/meetings/meeting-1/cancel', { status: 201, body: [meeting({ status: 'cancelled', cancelReason: 'Snowstorm' })] });
    await user.click(screen.getByTestId('cancel-meeting'));
    await user.click(screen.getByLabelText('This and all later meetings of the series'));
    await user.type(screen.getByTestId('cancel-reason'), 'Snowstorm');
    await user.click(screen.getByTestId('confirm-cancel'));
    await screen.findByTestId('cancel-meeting');
    expect(api.callsTo('POST', '/api/meetings/meeting-1/cancel')[0].body).toEqual({ scope: 'series', reason: 'Snowstorm', version: 1 });
  });

  it('shows published minutes to participants', async () => {
    api.on('GET /api/auth/me', { body: representative(['com-grace']) });
    api.on('GET /api/meetings/meeting-1/minutes', {
      body: { minutes: 'We agreed on the clean-up.', decisions: [{ id: 'd1', position: 1, text: 'Clean-up on 12 April' }], publishedAt: '2026-12-01T16:00:00.000Z' },
    });
    renderApp('/meetings/meeting-1', { locale: 'ru' });

    const minutes = await screen.findByTestId('published-minutes');
    expect(within(minutes).getByRole('heading', { name: 'Протокол' })).toBeInTheDocument();
    expect(minutes).toHaveTextContent('We agreed on the clean-up.');
    expect(minutes).toHaveTextContent('Clean-up on 12 April');
  });
});
