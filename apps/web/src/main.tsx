import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProvider, createQueryClient } from './app/provider';
import { routes } from './app/routes';
import { createI18n, detectLocale, loadShellTranslations } from './lib/i18n';
import './styles.css';

const router = createBrowserRouter(routes);

async function start() {
  const locale = detectLocale();
  const i18n = createI18n(locale, { [locale]: await loadShellTranslations(locale) });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <AppProvider i18n={i18n} queryClient={createQueryClient()}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  );
}

void start();
