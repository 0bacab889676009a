import { MEETING_TIME_ZONE, type Locale, type NotificationKind } from '@dastarkhan/domain';
import type { EmailLanguage } from './email-language';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

const LANGUAGES: Record<Locale, EmailLanguage> = { en, kk, ru };

export interface EmailInput {
  locale: Locale;
  kind: NotificationKind;
  /** The recipient's notification params: `communityName` is absent where they may not know it. */
  params: Record<string, string | null>;
  recipientName: string;
  /** The in-app path, e.g. `/participations/<id>/progress`. */
  link: string;
  publicUrl: string;
}

const LOCALE_TAGS: Record<Locale, string> = { en: 'en-GB', kk: 'kk-KZ', ru: 'ru-RU' };

/**
 * `{date}` in the recipient's language and Almaty time: a meeting's `startsAt` (date and time) or
 * a due `date` (YYYY-MM-DD).
 */
function dateText(locale: Locale, params: Record<string, string | null>): string {
  const tag = LOCALE_TAGS[locale] ?? LOCALE_TAGS.ru;
  if (params.startsAt) {
    return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: MEETING_TIME_ZONE }).format(new Date(params.startsAt));
  }
  if (params.date) return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${params.date}T00:00:00Z`));
  return '';
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** A plain-text email in the recipient's language: one sentence as the subject, a short body with the link. */
export function renderEmail({ locale, kind, params, recipientName, link, publicUrl }: EmailInput): { subject: string; body: string } {
  const language = LANGUAGES[locale] ?? ru;
  const community = params.communityName ? fill(language.namedCommunity, { name: params.communityName }) : language.someCommunity;
  const subject = fill(language.sentence[kind], {
    community,
    club: params.clubName ?? '',
    title: params.title ?? '',
    count: params.count ?? '',
    date: dateText(locale, params),
  });
  const url = `${publicUrl.replace(/\/+$/, '')}${link}`;
  const lines = [
    fill(language.greeting, { name: recipientName }),
    '',
    subject,
    ...(params.reason ? [fill(language.reason, { reason: params.reason })] : []),
    '',
    fill(language.open, { link: url }),
    '',
    '--',
    language.footer,
  ];
  return { subject, body: lines.join('\n') };
}
