import type { TFunction } from 'i18next';
import { errorText } from '../../../components/error-message';
import { isApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';

/** The codes this feature explains in its own words (decisions.errors.*); the rest fall back to errors.*. */
const OWN_CODES = [
  'PARTICIPATION.STALE_VERSION',
  'PATHWAY.MILESTONES_UNMET',
  'DECISION.INVALID_REASON_CODE',
  'DECISION.OVERRIDE_REASON_REQUIRED',
  'DECISION.INVALID_REAPPLY_DATE',
  'APPEAL.NOT_APPEALABLE',
  'APPEAL.ALREADY_APPEALED',
  'APPEAL.WINDOW_CLOSED',
  'APPEAL.DECISION_SUPERSEDED',
  'APPEAL.NOT_OPEN',
  'APPEAL.COMMUNITY_REAPPLIED',
] as const;

export function decisionErrorText(t: TFunction, error: unknown, locale: string): string {
  if (isApiError(error)) {
    if (error.code === 'PATHWAY.TOO_EARLY_TO_REAPPLY' && error.fields.earliestReapplyOn) {
      return t('decisions.errors.PATHWAY.TOO_EARLY_TO_REAPPLY', { date: formatDate(error.fields.earliestReapplyOn, locale) });
    }
    const code = OWN_CODES.find((known) => known === error.code);
    if (code) return t(`decisions.errors.${code}`);
  }
  return errorText(t, error);
}

export const isStale = (error: unknown) => isApiError(error, 409) && error.code === 'PARTICIPATION.STALE_VERSION';
