import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeApi, type FakeApi } from '../test/fake-api';
import { almaty, anonymous, astana } from '../test/fixtures';
import { renderApp } from '../test/render-app';

describe('the browser tab title', () => {
  let api: FakeApi;
  beforeEach(() => {
    api = createFakeApi({ 'GET /api/auth/me': anonymous, 'GET /api/cities': { body: [almaty, astana] } });
    api.install();
  });

  it('names the page in the reader’s language and follows a language switch', async () => {
    const { user } = renderApp('/cities', { locale: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Cities' });
    await waitFor(() => expect(document.title).toBe('Cities · Dastarkhan'));

    await user.click(screen.getByRole('button', { name: 'Қазақша' }));
    await waitFor(() => expect(document.title).toMatch(/^Қалалар · /));
    await user.click(screen.getByRole('button', { name: 'Русский' }));
    await waitFor(() => expect(document.title).toMatch(/^Города · /));
  });

  it('never keeps the previous page’s title while the next page loads', async () => {
    api.on('GET /api/cities/city-almaty', () => new Promise(() => {}));
    const { user } = renderApp('/cities', { locale: 'en' });
    await waitFor(() => expect(document.title).toBe('Cities · Dastarkhan'));

    await user.click(await screen.findByRole('link', { name: /Almaty/ }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument());
    expect(screen.getByRole('main')).toHaveTextContent('Loading…');
    expect(document.title).toBe('Dastarkhan');
  });
});
