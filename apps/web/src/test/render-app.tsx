import type { Locale } from '@dastarkhan/domain';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider, createQueryClient } from '../app/provider';
import { routes } from '../app/routes';
import { createI18n } from '../lib/i18n';
import { en } from '../locales/en';
import { kk } from '../locales/kk';
import { ru } from '../locales/ru';

/**
 * Renders the whole app (layout, router, providers) at `url`, as a user would open it. The API
 * client gets an absolute base URL because Node's `Request` cannot resolve relative URLs.
 */
export function renderApp(url: string, { locale = 'en' }: { locale?: Locale } = {}) {
  // Every language at hand, as if each had loaded: a test may switch languages without waiting.
  const i18n = createI18n(locale, { en, kk, ru });
  const queryClient = createQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const user = userEvent.setup();
  const view = render(
    <AppProvider i18n={i18n} queryClient={queryClient} apiBaseUrl={window.location.origin}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, user, router, i18n, queryClient };
}
