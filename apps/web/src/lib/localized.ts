import type { Schemas } from '@dastarkhan/api-client';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from './i18n';

type LocalizedText = Schemas['LocalizedTextDto'];

/** Picks the current language's text from a `{ kk, ru, en }` value, falling back to Russian. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  return (text) => text[locale] || text[DEFAULT_LOCALE] || text.en;
}
