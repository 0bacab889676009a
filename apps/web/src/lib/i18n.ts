import { LOCALES, type Locale } from '@dastarkhan/domain';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { kazakhAblative } from './format';
import type { en } from '../locales/en';
import type { ShellTranslation } from '../locales/shell-en';

export const LOCALE_STORAGE_KEY = 'dastarkhan.locale';
export const DEFAULT_LOCALE: Locale = 'ru';

export type Translations = typeof en;

/**
 * Each language's strings load on their own: a visitor downloads the language it reads, and the
 * others only when it switches (changeLocale). Within a language, the first page needs only the
 * shell (layout, navigation, errors, the cities page: `locales/shell-*.ts`); the rest loads with the
 * first other page (`loadAllStrings`, awaited by `lazyPage`).
 */
const SHELL_LOADERS: Record<Locale, () => Promise<ShellTranslation>> = {
  en: () => import('../locales/shell-en').then((module) => module.shellEn),
  kk: () => import('../locales/shell-kk').then((module) => module.shellKk),
  ru: () => import('../locales/shell-ru').then((module) => module.shellRu),
};
const LOADERS: Record<Locale, () => Promise<Translations>> = {
  en: () => import('../locales/en').then((module) => module.en),
  kk: () => import('../locales/kk').then((module) => module.kk),
  ru: () => import('../locales/ru').then((module) => module.ru),
};

/** The shell's strings of `locale`: enough for the first page. */
export function loadShellTranslations(locale: Locale): Promise<ShellTranslation> {
  return SHELL_LOADERS[locale]();
}

export function loadTranslations(locale: Locale): Promise<Translations> {
  return LOADERS[locale]();
}

/** The instance the app renders with (the last one created: the app has one, each test its own). */
let current: i18n | null = null;

/** Whether `locale`'s bundle holds more than the shell (a key that only the full strings have). */
const hasAllStrings = (instance: i18n, locale: string) => instance.getResource(locale, 'translation', 'meetings') !== undefined;

/** Completes the current language's strings (once); pages await it before they render. */
export async function loadAllStrings(): Promise<void> {
  const instance = current;
  const locale = instance?.language;
  if (!instance || !isLocale(locale) || hasAllStrings(instance, locale)) return;
  instance.addResourceBundle(locale, 'translation', await loadTranslations(locale), true, true);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's first supported language, else Russian. */
export function detectLocale(): Locale {
  const saved = readStoredLocale();
  if (saved) return saved;
  const browserLanguages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of browserLanguages) {
    const primary = tag?.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

function readStoredLocale(): Locale | null {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(saved) ? saved : null;
  } catch {
    return null; // storage disabled (private mode): fall back to detection
  }
}

/** The user's explicit choice: switch, and remember it for the next visit. */
export async function changeLocale(instance: i18n, locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  if (!hasAllStrings(instance, locale)) instance.addResourceBundle(locale, 'translation', await loadTranslations(locale), true, true);
  await instance.changeLanguage(locale);
}

/** A fresh i18next instance with the strings of `locale` (and of any other language given); tests get their own, the app one. */
export function createI18n(locale: Locale, translations: Partial<Record<Locale, Translations | ShellTranslation>>): i18n {
  const instance = i18next.createInstance();
  current = instance;
  instance.on('languageChanged', (language: string) => {
    document.documentElement.lang = language;
  });
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(translations).map(([language, strings]) => [language, { translation: strings }])),
    lng: locale,
    supportedLngs: [...LOCALES],
    fallbackLng: DEFAULT_LOCALE,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  // Kazakh attaches "than" to the number itself ("10-нан аз"): `{{count, kkAblative}}`.
  instance.services.formatter?.add('kkAblative', (value: number) => `${value}-${kazakhAblative(value)}`);
  document.documentElement.lang = locale;
  return instance;
}
