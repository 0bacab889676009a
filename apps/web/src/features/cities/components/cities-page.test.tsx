import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../../../test/fake-api';
import { almaty, anonymous, astana, club, countFigure, fewerThan, withheld } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('cities', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = createFakeApi({
      'GET /api/auth/me': anonymous,
      'GET /api/cities': { body: [astana, almaty] },
      'GET /api/cities/city-almaty': { body: almaty },
      'GET /api/clubs?cityId=city-almaty&limit=50': { body: { items: [club({ memberCount: countFigure(5), observerCount: countFigure(2) })], nextAfter: null } },
    });
    api.install();
  });

  it('lists cities with region and number of clubs on the home page, and opens a city to its clubs', async () => {
    const { user } = renderApp('/', { locale: 'ru' });

    const link = await screen.findByRole('link', { name: /Алматы/ });
    expect(link).toHaveTextContent('город Алматы');
    expect(link).toHaveTextContent('Клубов: 2');

    await user.click(link);

    // The club in the reader's language.
    const clubLink = await screen.findByRole('link', { name: /Межрелигиозный клуб Алматы/ });
    expect(clubLink).toHaveAttribute('href', '/clubs/club-1');
    expect(clubLink).toHaveTextContent('Ежемесячные встречи.');
    expect(clubLink).toHaveTextContent('Членов: 5 · Наблюдателей: 2');
  });

  it('finds a city typed in another script or language, its region included', async () => {
    const { user } = renderApp('/', { locale: 'en' });
    await screen.findByRole('link', { name: /Almaty/ });

    // "Қаласы" (city, in Kazakh) typed in the Latin alphabet, with the name in capitals.
    await user.type(screen.getByLabelText('Find a city or region (in any language)'), 'ALMATY qalasy');
    expect(screen.getByRole('link', { name: /Almaty/ })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Astana/ })).not.toBeInTheDocument();

    await user.clear(screen.getByTestId('cities-filter'));
    await user.type(screen.getByTestId('cities-filter'), 'nowhere');
    expect(screen.getByText('No city matches.')).toBeInTheDocument();
    expect(screen.queryAllByRole('link', { name: /Almaty|Astana/ })).toEqual([]);
  });

  describe('counts under the small-count rule', () => {
    beforeEach(() => {
      api.on('GET /api/clubs?cityId=city-almaty&limit=50', {
        body: { items: [club({ memberCount: countFigure(4), observerCount: countFigure(3, fewerThan(10)) })], nextAfter: null },
      });
    });

    it.each([
      ['en', 'Members: 4 · Observers: 3 + fewer than 10 not listed'],
      ['ru', 'Членов: 4 · Наблюдателей: 3 + менее 10 не в списке'],
      ['kk', 'Мүшелер: 4 · Бақылаушылар: 3 + 10-нан аз тізімде жоқ'],
    ] as const)('shows the hidden observers as "fewer than 10" (%s), never the exact number', async (locale, text) => {
      renderApp('/cities/city-almaty', { locale });
      const card = await screen.findByRole('link', { name: new RegExp(club().names[locale]) });
      expect(card).toHaveTextContent(text);
      expect(within(card).getByTestId('observer-count')).toHaveAttribute('data-figure', 'listed');
    });
  });

  it("shows a city's clubs a page at a time, the next page on request", async () => {
    api.on('GET /api/clubs?cityId=city-almaty&limit=50', { body: { items: [club()], nextAfter: 'page-2' } });
    api.on('GET /api/clubs?cityId=city-almaty&limit=50&after=page-2', {
      body: { items: [club({ id: 'club-2', name: 'Almaty Youth Forum', names: { kk: 'Жастар форумы', ru: 'Молодёжный форум', en: 'Almaty Youth Forum' } })], nextAfter: null },
    });
    const { user } = renderApp('/cities/city-almaty');
    await screen.findByRole('link', { name: /Almaty Multi-Faith Club/ });
    expect(screen.queryByRole('link', { name: /Almaty Youth Forum/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more clubs' }));

    expect(await screen.findByRole('link', { name: /Almaty Youth Forum/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Almaty Multi-Faith Club/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more clubs' })).not.toBeInTheDocument();
  });

  it('says only how many are listed when the rest is withheld', async () => {
    api.on('GET /api/clubs?cityId=city-almaty&limit=50', { body: { items: [club({ memberCount: { listed: 0, unlisted: withheld, total: withheld } })], nextAfter: null } });
    renderApp('/cities/city-almaty');
    const members = within(await screen.findByRole('link', { name: /Almaty Multi-Faith Club/ })).getByTestId('member-count');
    expect(members).toHaveAttribute('data-figure', 'listed');
    expect(members).toHaveTextContent('0 listed, the rest not shown');
  });
});
