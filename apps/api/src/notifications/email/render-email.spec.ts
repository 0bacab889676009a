import { NOTIFICATION_KINDS } from '@dastarkhan/domain';
import { en } from './en';
import { kk } from './kk';
import { renderEmail } from './render-email';
import { ru } from './ru';

const base = {
  kind: 'nominated' as const,
  recipientName: 'Aigerim',
  link: '/participations/p-1/progress',
  publicUrl: 'https://dastarkhan.example/',
};

describe('notification emails', () => {
  it('writes one sentence as the subject and a body with the greeting, the reason and the full link', () => {
    const email = renderEmail({
      ...base,
      locale: 'en',
      kind: 'suspended',
      params: { clubName: 'Almaty club', communityName: 'Grace Church', reason: 'Missed three meetings' },
    });
    expect(email.subject).toBe('Grace Church: the participation in Almaty club was suspended.');
    expect(email.body).toContain('Hello, Aigerim.');
    expect(email.body).toContain('Reason: Missed three meetings');
    expect(email.body).toContain('https://dastarkhan.example/participations/p-1/progress');
  });

  it("is written in the recipient's language", () => {
    const params = { clubName: 'Алматы клубы', communityName: 'Грейс' };
    expect(renderEmail({ ...base, locale: 'ru', params }).subject).toBe('Община «Грейс» выдвинута в члены клуба «Алматы клубы».');
    expect(renderEmail({ ...base, locale: 'kk', params }).subject).toBe('«Грейс» қауымдастығы «Алматы клубы» клубына мүшелікке ұсынылды.');
  });

  it('uses a neutral phrase, never a name, when the params carry none', () => {
    for (const locale of ['en', 'kk', 'ru'] as const) {
      const email = renderEmail({ ...base, locale, params: { clubName: 'Almaty club' } });
      expect(email.subject).toMatch(/^(A community|Бір қауымдастық|Одна из общин) /);
      expect(email.body).not.toContain('{community}');
    }
  });

  it('does not treat braces in a name as placeholders', () => {
    const email = renderEmail({ ...base, locale: 'en', params: { clubName: '{community}', communityName: '{club}' } });
    expect(email.subject).toBe('{club} was nominated for membership of {community}.');
  });

  it('prints a meeting\'s time in Almaty time and a due date, in the recipient\'s language', () => {
    const reminder = renderEmail({
      ...base,
      locale: 'en',
      kind: 'meeting_reminder',
      link: '/meetings/m-1',
      params: { clubName: 'Almaty club', communityName: 'Grace Church', title: 'Coat drive', startsAt: '2026-12-11T13:00:00.000Z' },
    });
    expect(reminder.subject).toBe('Grace Church: the meeting "Coat drive" of Almaty club is tomorrow, 11 Dec 2026, 18:00.');
    const overdue = renderEmail({ ...base, locale: 'ru', kind: 'action_item_overdue', params: { clubName: 'Алматы', title: 'Зал', date: '2026-12-01' } });
    expect(overdue.subject).toBe('«Алматы»: срок поручения «Зал» истёк 1 дек. 2026 г., оно не выполнено.');
  });

  // Notices about the club itself (sent to its coordinators, or about an item a person may own) name no community.
  const CLUB_NOTICES = new Set(['action_item_overdue', 'meeting_warnings_changed']);

  it.each([
    ['kk', kk],
    ['ru', ru],
  ])('%s has a sentence for every kind, each naming the community (or, for a club notice, only the club)', (_locale, language) => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(language.sentence[kind]).toMatch(CLUB_NOTICES.has(kind) ? /^«\{club\}»:/ : /^\{community\}.*\{club\}/);
      expect(language.sentence[kind]).not.toBe(en.sentence[kind]);
    }
  });
});
