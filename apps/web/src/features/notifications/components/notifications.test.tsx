import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '@dastarkhan/api-client';
import { anonymous, coordinator, representative } from '../../../test/fixtures';
import { apiError, createFakeApi, type FakeApi } from '../../../test/fake-api';
import { renderApp } from '../../../test/render-app';

type Notification = Schemas['NotificationDto'];

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'n-1',
    kind: 'suspended',
    params: { clubName: 'Almaty Multi-Faith Club', communityName: 'Grace Church', participationId: 'part-1', reason: 'Missed three meetings' },
    link: '/participations/part-1/progress',
    createdAt: '2026-04-07T09:30:00.000Z',
    readAt: null,
    ...overrides,
  };
}

const accepted = notification({
  id: 'n-2',
  kind: 'application_accepted',
  params: { clubName: 'Almaty Multi-Faith Club', communityName: 'Grace Church', participationId: 'part-1' },
  createdAt: '2026-03-01T09:30:00.000Z',
  readAt: '2026-03-02T09:30:00.000Z',
});

describe('notifications', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative() },
      'GET /api/notifications/unread-count': { body: { count: 1 } },
      'GET /api/notifications': { body: { items: [notification(), accepted], nextBefore: null } },
      'GET /api/cities': { body: [] },
    });
    api.install();
  });

  it('shows the unread count on the bell in the header, which opens the list', async () => {
    const { user } = renderApp('/');
    expect(await screen.findByTestId('notification-count')).toHaveTextContent('1');
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName('Notifications, unread: 1');

    await user.click(screen.getByTestId('notification-bell'));
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
    // The page's code and its list both load on the way: wait for the items, not only the heading.
    expect(await screen.findAllByTestId('notification-item')).toHaveLength(2);
  });

  it('shows no bell to an anonymous visitor and does not ask for a count', async () => {
    api.on('GET /api/auth/me', anonymous);
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByTestId('notification-bell')).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/notifications/unread-count')).toEqual([]);
  });

  it('lists each notification as a sentence linking to its page, the unread ones highlighted, with the reason', async () => {
    renderApp('/notifications');
    const [suspended, old] = await screen.findAllByTestId('notification-item');
    expect(suspended).toHaveAttribute('data-kind', 'suspended');
    expect(suspended).toHaveAttribute('data-unread', 'true');
    expect(within(suspended).getByRole('link', { name: 'Grace Church: the participation in Almaty Multi-Faith Club was suspended.' })).toHaveAttribute(
      'href',
      '/participations/part-1/progress',
    );
    expect(suspended).toHaveTextContent('New');
    expect(suspended).toHaveTextContent('Reason: Missed three meetings');
    expect(old).toHaveAttribute('data-unread', 'false');
    expect(old).toHaveTextContent('Grace Church was accepted as an observer in Almaty Multi-Faith Club.');
  });

  it('says "a community" where the reader may not know its name, in every language', async () => {
    const nominated = notification({ kind: 'nominated', params: { clubName: 'Алматы клубы', participationId: 'part-1' }, link: '/official/candidacies' });
    api.on('GET /api/notifications', { body: { items: [nominated], nextBefore: null } });
    const { i18n } = renderApp('/notifications');
    expect(await screen.findByTestId('notification-item')).toHaveTextContent('A community was nominated for membership of Алматы клубы.');
    await i18n.changeLanguage('ru');
    expect(await screen.findByText('Одна из общин выдвинута в члены клуба «Алматы клубы».')).toBeInTheDocument();
    await i18n.changeLanguage('kk');
    expect(await screen.findByText('Бір қауымдастық «Алматы клубы» клубына мүшелікке ұсынылды.')).toBeInTheDocument();
  });

  it('tells of the club life: a meeting tomorrow with its Almaty time, an overdue action item with its date, in every language', async () => {
    const reminder = notification({
      id: 'n-r',
      kind: 'meeting_reminder',
      params: { clubName: 'Almaty Multi-Faith Club', communityName: 'Grace Church', title: 'Coat drive planning', startsAt: '2026-12-11T13:00:00.000Z' },
      link: '/meetings/meeting-1',
    });
    const overdue = notification({ id: 'n-o', kind: 'action_item_overdue', params: { clubName: 'Almaty Multi-Faith Club', title: 'Book the hall', date: '2026-12-01' }, link: '/meetings/meeting-1' });
    api.on('GET /api/notifications', { body: { items: [reminder, overdue], nextBefore: null } });
    const { i18n } = renderApp('/notifications');
    const [first, second] = await screen.findAllByTestId('notification-item');
    expect(within(first).getByRole('link')).toHaveAttribute('href', '/meetings/meeting-1');
    expect(first).toHaveTextContent('Grace Church: the meeting "Coat drive planning" of Almaty Multi-Faith Club is tomorrow, Dec 11, 2026, 6:00 PM.');
    expect(second).toHaveTextContent('Almaty Multi-Faith Club: the action item "Book the hall" was due Dec 1, 2026 and is not done.');
    await i18n.changeLanguage('ru');
    expect(await screen.findByText(/Община «Grace Church»: встреча «Coat drive planning» клуба «Almaty Multi-Faith Club» состоится завтра/)).toBeInTheDocument();
    await i18n.changeLanguage('kk');
    expect(await screen.findByText(/«Almaty Multi-Faith Club»: «Book the hall» тапсырмасының мерзімі 2026 ж. 1 желтоқсан өтті/)).toBeInTheDocument();
  });

  it('marks a notification read when it is opened', async () => {
    api.on('POST /api/notifications/n-1/read', { status: 204 });
    api.on('GET /api/participations/part-1', apiError(404, 'NOT_FOUND'));
    const { user, router } = renderApp('/notifications');
    await user.click(await screen.findByRole('link', { name: /was suspended/ }));

    await waitFor(() => expect(api.callsTo('POST', '/api/notifications/n-1/read')).toHaveLength(1));
    expect(router.state.location.pathname).toBe('/participations/part-1/progress');
  });

  it('marks all read, and the bell and the list show it', async () => {
    let read = false;
    api.on('POST /api/notifications/read-all', () => {
      read = true;
      return { status: 204 };
    });
    api.on('GET /api/notifications/unread-count', () => ({ body: { count: read ? 0 : 1 } }));
    api.on('GET /api/notifications', () => ({
      body: { items: [notification(read ? { readAt: '2026-04-08T09:30:00.000Z' } : {}), accepted], nextBefore: null },
    }));
    const { user } = renderApp('/notifications');
    expect(await screen.findByTestId('notification-count')).toHaveTextContent('1');

    await user.click(await screen.findByTestId('mark-all-read'));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getAllByTestId('notification-item')[0]).toHaveAttribute('data-unread', 'false'));
    expect(screen.getByTestId('mark-all-read')).toBeDisabled();
  });

  it('loads older notifications page by page', async () => {
    api.on('GET /api/notifications', ({ query }) =>
      query.get('before') === 'cursor-1'
        ? { body: { items: [accepted], nextBefore: null } }
        : { body: { items: [notification()], nextBefore: 'cursor-1' } },
    );
    const { user } = renderApp('/notifications');
    await user.click(await screen.findByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(screen.getAllByTestId('notification-item')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    api.on('GET /api/auth/me', { body: coordinator() });
    api.on('GET /api/notifications', { body: { items: [], nextBefore: null } });
    renderApp('/notifications');
    expect(await screen.findByText('No notifications yet.')).toBeInTheDocument();
  });
});

describe('the email outbox page', () => {
  const admin = { ...coordinator([]), roles: [{ role: 'administrator' as const, clubId: null, communityId: null, region: null }] };
  const pending: Schemas['EmailOutboxMessageDto'] = {
    id: 'e-1',
    to: 'coord@example.kz',
    kind: 'application_received',
    withheld: false,
    subject: 'Grace Church applied to Almaty Multi-Faith Club.',
    body: 'Hello, Bolat.\n\nGrace Church applied to Almaty Multi-Faith Club.',
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: '2026-04-07T09:30:00.000Z',
    nextAttemptAt: '2026-04-07T09:30:00.000Z',
    sentAt: null,
  };
  const failed = { ...pending, id: 'e-2', status: 'failed' as const, attempts: 5, lastError: '550 no such mailbox' };

  it('is reached from the admin menu and shows every email with its state, filtered by status', async () => {
    const api = createFakeApi({
      'GET /api/auth/me': { body: admin },
      'GET /api/topics': { body: [] },
      'GET /api/admin/email-outbox': ({ query }) => ({ body: query.get('status') === 'failed' ? [failed] : [pending, failed] }),
    });
    api.install();
    const { user } = renderApp('/admin/topics');
    await user.click(await screen.findByRole('link', { name: 'Email outbox' }));

    const messages = await screen.findAllByTestId('outbox-message');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toHaveTextContent('Grace Church applied to Almaty Multi-Faith Club.');
    expect(messages[0]).toHaveTextContent('To: coord@example.kz · Pending · Attempts: 0');
    expect(messages[0]).toHaveTextContent('Kind: Application received');
    expect(messages[1]).toHaveTextContent('Last error: 550 no such mailbox');

    await user.selectOptions(screen.getByTestId('outbox-status'), 'failed');
    await waitFor(() => expect(screen.getAllByTestId('outbox-message')).toHaveLength(1));
    expect(api.callsTo('GET', '/api/admin/email-outbox').at(-1)?.query.get('status')).toBe('failed');
  });

  it.each([
    ['en', 'Content withheld: about a protected community', 'Kind: Application received'],
    ['kk', 'Мазмұны жасырылған: қорғалатын қауымдастық туралы', 'Түрі: Өтінім келді'],
    ['ru', 'Содержание скрыто: письмо о защищённой общине', 'Тип: Получена заявка'],
  ] as const)('shows a message about a protected community by recipient and kind only (%s)', async (locale, withheldText, kind) => {
    createFakeApi({
      'GET /api/auth/me': { body: admin },
      'GET /api/admin/email-outbox': { body: [{ ...pending, withheld: true, subject: null, body: null }] },
    }).install();
    renderApp('/admin/email-outbox', { locale });

    const message = await screen.findByTestId('outbox-message');
    expect(message).toHaveAttribute('data-withheld', 'true');
    expect(within(message).getByTestId('outbox-withheld')).toHaveTextContent(withheldText);
    expect(message).toHaveTextContent('coord@example.kz');
    expect(message).toHaveTextContent(kind);
    expect(within(message).queryByRole('group')).not.toBeInTheDocument();
  });

  it('is not offered to others', async () => {
    const api = createFakeApi({ 'GET /api/auth/me': { body: coordinator() } });
    api.install();
    renderApp('/admin/email-outbox');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Email outbox' })).not.toBeInTheDocument());
    expect(api.callsTo('GET', '/api/admin/email-outbox')).toEqual([]);
  });
});
