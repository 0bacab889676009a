import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-error';

type ErrorKey = `${string}errors.${string}`;

export interface ErrorTextOptions {
  /** A feature namespace whose `<feature>.errors.<code>` says it in the feature's own words. */
  feature?: string;
  /** Values the sentence interpolates (e.g. a formatted date). */
  values?: Record<string, string>;
}

/**
 * The translated text for an error, by the API's `code`: the feature's wording, else the app's,
 * else the generic message. i18next resolves `errors.AUTH.INVALID_CREDENTIALS` through the nested
 * `AUTH` object.
 */
export function errorText(t: TFunction, error: unknown, { feature, values }: ErrorTextOptions = {}): string {
  if (error instanceof ApiError) {
    const keys: ErrorKey[] = [...(feature ? [`${feature}.errors.${error.code}` as ErrorKey] : []), `errors.${error.code}`, 'errors.generic'];
    return values ? t(keys as unknown as 'errors.generic', values as unknown as { defaultValue: string }) : t(keys as unknown as 'errors.generic');
  }
  return t('errors.generic');
}

/** A field error from the API (`fields[name]`), translated when it is a known token. */
export function fieldErrorText(t: TFunction, value: string | undefined): string | undefined {
  if (!value) return undefined;
  // The API's messages are English sentences; only short tokens (ours) have translations.
  const token = /^[a-z0-9_]+$/.test(value) ? value : 'invalid';
  return t([`fieldErrors.${token}`, 'fieldErrors.invalid'] as unknown as 'fieldErrors.invalid');
}

export function ErrorMessage({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className={['alert', 'alert-error', className].filter(Boolean).join(' ')}>
      {errorText(t, error)}
    </p>
  );
}
