import { LOCALES } from '@dastarkhan/domain';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import type { LocalizedText } from '../api/admin';

export const emptyText: LocalizedText = { kk: '', ru: '', en: '' };

/** A name in Kazakh, Russian and English: every language is required. */
export function LocalizedFields({ value, onChange, errors = {} }: { value: LocalizedText; onChange: (value: LocalizedText) => void; errors?: Partial<Record<keyof LocalizedText, string>> }) {
  const { t } = useTranslation();
  return (
    <div className="field-row field-row-3">
      {LOCALES.map((locale) => (
        <FormField key={locale} label={t('admin.nameIn', { language: t(`language.${locale}`) })} error={errors[locale]}>
          <input lang={locale} value={value[locale]} onChange={(e) => onChange({ ...value, [locale]: e.target.value })} data-testid={`name-${locale}`} />
        </FormField>
      ))}
    </div>
  );
}

export function validateText(value: LocalizedText, requiredText: string): Partial<Record<keyof LocalizedText, string>> {
  const errors: Partial<Record<keyof LocalizedText, string>> = {};
  for (const locale of LOCALES) if (!value[locale].trim()) errors[locale] = requiredText;
  return errors;
}

export const trimText = (value: LocalizedText): LocalizedText => ({ kk: value.kk.trim(), ru: value.ru.trim(), en: value.en.trim() });
