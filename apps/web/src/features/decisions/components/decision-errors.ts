import type { TFunction } from 'i18next';
import { errorText } from '../../../components/error-message';
import { isApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';

/** In the decisions' own words (decisions.errors.*), with the re-apply date in the reader's format. */
export function decisionErrorText(t: TFunction, error: unknown, locale: string): string {
  const date = isApiError(error) ? error.fields.earliestReapplyOn : undefined;
  return errorText(t, error, { feature: 'decisions', values: date ? { date: formatDate(date, locale) } : undefined });
}

export const isStale = (error: unknown) => isApiError(error, 409) && error.code === 'PARTICIPATION.STALE_VERSION';
