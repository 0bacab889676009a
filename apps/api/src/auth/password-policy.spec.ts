import { isGuessable } from './password-policy';

describe('the password policy', () => {
  it.each(['password1234', 'qwerty123456', 'iloveyou1234', 'aaaaaaaaaaaa', '123456789012'])('refuses the common password %s', (password) => {
    expect(isGuessable(password)).toBe(true);
  });

  it.each(['parol12345678', 'йцукен123456', 'kazakhstan2024', 'Dastarkhan2026'])('refuses the Kazakh/Russian commonplace %s', (password) => {
    expect(isGuessable(password)).toBe(true);
  });

  it("refuses a password made of the person's own email or name", () => {
    expect(isGuessable('aigerimsadykova', ['aigerim.sadykova@mail.kz', 'Aigerim Sadykova'])).toBe(true);
    expect(isGuessable('sadykova1990', ['aigerim.sadykova@mail.kz', 'Aigerim Sadykova'])).toBe(true);
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(isGuessable('correct horse battery staple')).toBe(false);
    expect(isGuessable('steppe kettle violin morning')).toBe(false);
  });
});
