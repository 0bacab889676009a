import type { Schemas } from '@dastarkhan/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { community, coordinator, representative } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

type Entry = Schemas['AccessLogEntryDto'];

const LOG = 'GET /api/communities/com-grace/access-log';

/** 09:05 UTC on 3 December is 14:05 in Almaty. */
function entry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 40,
    occurredAt: '2026-12-03T09:05:00.000Z',
    kind: 'read',
    actorName: 'Serik Official',
    actorRole: 'official',
    resource: 'participation.progress,participation.reviews',
    action: null,
    ...overrides,
  };
}

describe('access log', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': { body: representative(['com-grace']) },
      'GET /api/communities/mine': { body: [community()] },
      'GET /api/communities/com-grace/participations': { body: [] },
      [LOG]: {
        body: {
          items: [
            entry(),
            entry({ id: 39, kind: 'registration.rejected', actorName: 'Dana Admin', actorRole: 'administrator', resource: 'community.registration' }),
            entry({ id: 38, kind: 'consent.granted', actorName: 'Aigerim Rep', actorRole: 'representative', resource: 'community.consent' }),
            entry({ id: 37, kind: 'erasure', actorName: null, actorRole: null, resource: 'community' }),
            entry({ id: 36, kind: 'change', actorName: 'Aigerim Rep', actorRole: 'representative', resource: 'community', action: 'community.updated' }),
            entry({ id: 35, kind: 'change', actorName: 'Dana Admin', actorRole: 'administrator', resource: 'role-grant', action: 'role.granted' }),
          ],
          nextBefore: null,
        },
      },
    });
    api.install();
  });

  it('is reached from My community and says who read or changed the record, and when', async () => {
    const { user } = renderApp('/my-community');
    await user.click(await screen.findByTestId('access-log-link'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Access log' })).toBeInTheDocument();
    const entries = await screen.findAllByTestId('access-log-entry');
    expect(entries.map((item) => item.dataset.kind)).toEqual(['read', 'registration.rejected', 'consent.granted', 'erasure', 'change', 'change']);
    expect(entries[0]).toHaveTextContent('An official (Serik Official) read your record — Dec 3, 2026, 2:05 PM');
    expect(entries[0]).toHaveTextContent('Read: a participation record (progress, history, decisions, reviews)');
    expect(within(entries[0]).getByRole('time')).toHaveAttribute('datetime', '2026-12-03T09:05:00.000Z');
    expect(entries[1]).toHaveTextContent('An administrator (Dana Admin) rejected your registration claim');
    expect(entries[2]).toHaveTextContent('Your representative (Aigerim Rep) gave officials consent to see your record');
    expect(entries[3]).toHaveTextContent("The platform erased your community's personal data");
    // A profile edit reads apart from a change of the community's people or roles.
    expect(entries[4]).toHaveTextContent("Your representative (Aigerim Rep) changed your community's profile");
    expect(entries[5]).toHaveTextContent("An administrator (Dana Admin) changed your community's people or roles");
    expect(api.callsTo('GET', '/api/communities/com-grace/access-log')[0].query.get('before')).toBeNull();
  });

  it.each([
    ['kk', 'Мемлекеттік қызметкер (Serik Official) жазбаңызды қарады — 2026 ж. 3 желтоқсан, 14:05'],
    ['ru', 'Просмотр вашей записи: представитель государства (Serik Official) — 3 дек. 2026, 14:05'],
  ] as const)('speaks %s', async (locale, text) => {
    renderApp('/my-community/com-grace/access-log', { locale });
    const [read] = await screen.findAllByTestId('access-log-entry');
    expect(read).toHaveTextContent(text);
  });

  it('loads older lines a page at a time', async () => {
    api.on(LOG, ({ query }) =>
      query.get('before') === '40'
        ? { body: { items: [entry({ id: 12, occurredAt: '2026-10-01T06:00:00.000Z' })], nextBefore: null } }
        : { body: { items: [entry()], nextBefore: 40 } },
    );
    const { user } = renderApp('/my-community/com-grace/access-log');

    await user.click(await screen.findByTestId('access-log-older'));
    await waitFor(() => expect(screen.getAllByTestId('access-log-entry')).toHaveLength(2));
    expect(screen.queryByTestId('access-log-older')).not.toBeInTheDocument();
  });

  it('says so when nobody has read the record', async () => {
    api.on(LOG, { body: { items: [], nextBefore: null } });
    renderApp('/my-community/com-grace/access-log');
    expect(await screen.findByText('Nobody has read or changed your record yet.')).toBeInTheDocument();
  });

  it('is only for representatives', async () => {
    api.on('GET /api/auth/me', { body: coordinator() });
    renderApp('/my-community/com-grace/access-log');
    expect(await screen.findByText('This page is not available to your account.')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/communities/com-grace/access-log')).toHaveLength(0);
  });
});
