import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-error';

type ErrorKey = `errors.${string}`;

/** The translated text for an error: by the API's `code`, else the generic message. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key: ErrorKey = `errors.${error.code}`;
    // i18next resolves `errors.AUTH.INVALID_CREDENTIALS` through the nested `AUTH` object.
    return t([key, 'errors.generic'] as unknown as 'errors.generic');
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
