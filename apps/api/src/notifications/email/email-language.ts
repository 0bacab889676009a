import type { NotificationKind } from '@dastarkhan/domain';

/**
 * One language's notification emails. Placeholders: `{community}` (the community's name, or a
 * neutral phrase where the recipient may not know it), `{club}`, `{name}`, `{reason}`, `{link}`.
 * Every sentence starts with `{community}`, so the neutral phrase reads right in all three languages.
 */
export interface EmailLanguage {
  namedCommunity: string;
  someCommunity: string;
  sentence: Record<NotificationKind, string>;
  greeting: string;
  reason: string;
  open: string;
  footer: string;
}
