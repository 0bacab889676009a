import { LOCALES, type Locale } from '@dastarkhan/domain';
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../lib/i18n';

/** kk / ru / en as a group of toggle buttons: one tap on a phone, each named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LOCALES.map((locale: Locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-option"
          aria-pressed={current === locale}
          onClick={() => void changeLocale(i18n, locale)}
        >
          {/* Named by the full word, shown as the code: no aria-label that the visible text would contradict. */}
          <span aria-hidden="true">{locale.toUpperCase()}</span>
          <span className="visually-hidden">{t(`language.${locale}`)}</span>
        </button>
      ))}
    </div>
  );
}
