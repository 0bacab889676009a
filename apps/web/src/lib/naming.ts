import type { TFunction } from 'i18next';

/**
 * A name as the API's naming rule printed it (docs/domain.md, P2–P3): `null` (or '') means the
 * reader may not see who it is, and reads "a community" in the UI language. `start` capitalizes
 * the phrase where it opens a line (a list entry), not inside a sentence.
 */
export function nameOrCommunity(t: TFunction, name: string | null | undefined, { start = false } = {}): string {
  if (name) return name;
  const phrase = t('common.aCommunity');
  return start ? phrase.charAt(0).toLocaleUpperCase() + phrase.slice(1) : phrase;
}
