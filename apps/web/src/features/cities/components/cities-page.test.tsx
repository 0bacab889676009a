import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi } from '../../../test/fake-api';
import { almaty, anonymous, astana, club } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

describe('cities', () => {
  beforeEach(() => {
    createFakeApi({
      'GET /api/auth/me': anonymous,
      'GET /api/cities': { body: [astana, almaty] },
      'GET /api/cities/city-almaty': { body: almaty },
      'GET /api/clubs?cityId=city-almaty': { body: [club({ memberCount: 5, observerCount: 2 })] },
    }).install();
  });

  it('lists cities with region and number of clubs on the home page, and opens a city to its clubs', async () => {
    const { user } = renderApp('/', { locale: 'ru' });

    const link = await screen.findByRole('link', { name: /Алматы/ });
    expect(link).toHaveTextContent('город Алматы');
    expect(link).toHaveTextContent('Клубов: 2');

    await user.click(link);

    const clubLink = await screen.findByRole('link', { name: /Almaty Multi-Faith Club/ });
    expect(clubLink).toHaveAttribute('href', '/clubs/club-1');
    expect(clubLink).toHaveTextContent('Членов: 5 · Наблюдателей: 2');
  });
});
