import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectLocale, LOCALE_STORAGE_KEY } from '../lib/i18n';
import { createFakeApi } from '../test/fake-api';
import { almaty, anonymous, astana } from '../test/fixtures';
import { renderApp } from '../test/render-app';

describe('language switch', () => {
  beforeEach(() => {
    createFakeApi({ 'GET /api/auth/me': anonymous, 'GET /api/cities': { body: [almaty, astana] } }).install();
  });

  it('switches the visible text to Kazakh and then to Russian, and remembers the choice', async () => {
    const { user } = renderApp('/cities', { locale: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Cities' })).toBeInTheDocument();
    expect(await screen.findByText('Almaty city')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Қазақша' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Қалалар' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Кіру' })).toBeInTheDocument();
    expect(screen.getByText('Алматы қаласы')).toBeInTheDocument();
    expect(screen.queryByText('Cities', { selector: 'h1' })).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('kk');
    expect(screen.getByRole('button', { name: 'Қазақша' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('kk');

    await user.click(screen.getByRole('button', { name: 'Русский' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Города' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Войти' })).toBeInTheDocument();
    expect(screen.getByText('город Алматы')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ru');
  });
});

describe('initial language', () => {
  afterEach(() => vi.unstubAllGlobals());

  function browserLanguages(languages: string[]) {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  }

  it('uses the saved choice first', () => {
    browserLanguages(['en-US']);
    localStorage.setItem(LOCALE_STORAGE_KEY, 'kk');
    expect(detectLocale()).toBe('kk');
  });

  it("follows the browser's first supported language", () => {
    browserLanguages(['de-DE', 'kk-KZ', 'ru']);
    expect(detectLocale()).toBe('kk');
  });

  it('defaults to Russian when the browser prefers an unsupported language', () => {
    browserLanguages(['de-DE', 'fr']);
    expect(detectLocale()).toBe('ru');
  });
});
