import { ACCOUNT_EMAIL_KINDS, ACCOUNT_LANGUAGES, renderAccountEmail } from './account-emails';

describe('account emails', () => {
  it('carry the link and its lifetime in the owner’s language', () => {
    const email = renderAccountEmail('ru', 'password-reset', { name: 'Айгерим', link: 'https://d.example/reset-password#abc', minutes: 30 });
    expect(email.subject).toBe('Восстановление пароля');
    expect(email.body).toContain('Здравствуйте, Айгерим.');
    expect(email.body).toContain('https://d.example/reset-password#abc');
    expect(email.body).toContain('30 минут');
  });

  it('warn the owner of a change it may not have made', () => {
    expect(renderAccountEmail('en', 'password-changed', { name: 'A' }).body).toContain('If this was not you');
    expect(renderAccountEmail('en', 'confirm-email', { name: 'A', link: 'x', hours: 24 }).body).not.toContain('If this was not you');
  });

  it.each(['kk', 'ru'] as const)('%s has its own subject and body for every kind', (locale) => {
    for (const kind of ACCOUNT_EMAIL_KINDS) {
      expect(ACCOUNT_LANGUAGES[locale].emails[kind].subject).not.toBe(ACCOUNT_LANGUAGES.en.emails[kind].subject);
      expect(ACCOUNT_LANGUAGES[locale].emails[kind].body.join()).toMatch(/[а-яә]/i);
    }
  });
});
