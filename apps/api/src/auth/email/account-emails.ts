import type { Locale } from '@dastarkhan/domain';

/** Emails about the account itself, to its owner only (ASVS V2.2.3, V2.5). */
export const ACCOUNT_EMAIL_KINDS = [
  'confirm-email',
  'signup-existing',
  'password-reset',
  'password-changed',
  'second-factor-enabled',
  'second-factor-disabled',
  'recovery-codes-renewed',
  'email-change-confirm',
  'email-change-taken',
  'email-changed',
  'invitation',
] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

/** Kinds whose body carries a single-use link: the administrator's outbox never shows them (they would hand over the account). */
export const LINK_EMAILS: readonly AccountEmailKind[] = ['confirm-email', 'password-reset', 'email-change-confirm', 'invitation'];

interface Template {
  subject: string;
  /** Paragraphs; placeholders `{link}`, `{minutes}`, `{hours}`. */
  body: string[];
}

interface AccountLanguage {
  greeting: string;
  notYou: string;
  footer: string;
  emails: Record<AccountEmailKind, Template>;
}

const en: AccountLanguage = {
  greeting: 'Hello, {name}.',
  notYou: 'If this was not you, reset your password at once and tell the national secretariat.',
  footer: 'This email was sent by Dastarkhan about your account.',
  emails: {
    'confirm-email': {
      subject: 'Confirm your email address',
      body: ['Open this link to confirm your address and finish signing up (valid for {hours} hours):', '{link}', 'If you did not sign up, ignore this email: the account stays closed.'],
    },
    'signup-existing': {
      subject: 'Someone tried to sign up with your address',
      body: ['Someone tried to open a new account with this email address, which already has one. Nothing was changed.', 'If it was you, sign in — or reset your password if you forgot it: {link}'],
    },
    'password-reset': {
      subject: 'Reset your password',
      body: ['Open this link to choose a new password (valid for {minutes} minutes, once):', '{link}', 'If you did not ask for it, ignore this email: your password stays as it is.'],
    },
    'password-changed': { subject: 'Your password was changed', body: ['The password of your account was changed, and your other sessions were signed out.'] },
    'second-factor-enabled': { subject: 'Two-step sign-in was turned on', body: ['Signing in to your account now needs a code from your authenticator app.'] },
    'second-factor-disabled': { subject: 'Two-step sign-in was turned off', body: ['Signing in to your account no longer needs a code from an authenticator app.'] },
    'recovery-codes-renewed': { subject: 'New recovery codes', body: ['New recovery codes were made for your account; the old ones no longer work.'] },
    'email-change-confirm': {
      subject: 'Confirm your new email address',
      body: ['Open this link to move your Dastarkhan account to this address (valid for {hours} hours):', '{link}'],
    },
    'email-change-taken': {
      subject: 'Someone tried to move an account to your address',
      body: ['Someone asked to move another Dastarkhan account to this email address, which already has an account. Nothing was changed.'],
    },
    'email-changed': { subject: 'Your email address was changed', body: ['Your account now uses another email address; emails go there from now on.'] },
    invitation: {
      subject: 'You are invited to Dastarkhan',
      body: ['The national secretariat or a club coordinator invites you to take part in Dastarkhan. Open this link to accept, choose a password and see your role (valid for {hours} hours, once):', '{link}', 'If you did not expect it, ignore this email: nothing is opened without you.'],
    },
  },
};

const ru: AccountLanguage = {
  greeting: 'Здравствуйте, {name}.',
  notYou: 'Если это были не вы, немедленно смените пароль и сообщите в национальный секретариат.',
  footer: 'Это письмо отправлено Dastarkhan о вашей учётной записи.',
  emails: {
    'confirm-email': {
      subject: 'Подтвердите адрес электронной почты',
      body: ['Откройте ссылку, чтобы подтвердить адрес и завершить регистрацию (действует {hours} ч):', '{link}', 'Если вы не регистрировались, просто проигнорируйте письмо: учётная запись останется закрытой.'],
    },
    'signup-existing': {
      subject: 'Кто-то пытался зарегистрироваться с вашим адресом',
      body: ['Кто-то пытался открыть новую учётную запись с этим адресом, но она уже есть. Ничего не изменилось.', 'Если это были вы, войдите — или восстановите пароль, если забыли его: {link}'],
    },
    'password-reset': {
      subject: 'Восстановление пароля',
      body: ['Откройте ссылку, чтобы задать новый пароль (действует {minutes} минут, один раз):', '{link}', 'Если вы не запрашивали восстановление, проигнорируйте письмо: пароль не изменится.'],
    },
    'password-changed': { subject: 'Пароль изменён', body: ['Пароль вашей учётной записи изменён, остальные сеансы завершены.'] },
    'second-factor-enabled': { subject: 'Двухэтапный вход включён', body: ['Теперь для входа в вашу учётную запись нужен код из приложения-аутентификатора.'] },
    'second-factor-disabled': { subject: 'Двухэтапный вход выключен', body: ['Для входа в вашу учётную запись больше не нужен код из приложения-аутентификатора.'] },
    'recovery-codes-renewed': { subject: 'Новые резервные коды', body: ['Для вашей учётной записи созданы новые резервные коды; старые больше не действуют.'] },
    'email-change-confirm': {
      subject: 'Подтвердите новый адрес электронной почты',
      body: ['Откройте ссылку, чтобы перенести учётную запись Dastarkhan на этот адрес (действует {hours} ч):', '{link}'],
    },
    'email-change-taken': {
      subject: 'Кто-то пытался перенести учётную запись на ваш адрес',
      body: ['Кто-то попросил перенести другую учётную запись Dastarkhan на этот адрес, но у него уже есть учётная запись. Ничего не изменилось.'],
    },
    'email-changed': { subject: 'Адрес электронной почты изменён', body: ['Ваша учётная запись теперь использует другой адрес; письма будут приходить туда.'] },
    invitation: {
      subject: 'Приглашение в Dastarkhan',
      body: ['Национальный секретариат или координатор клуба приглашает вас в Dastarkhan. Откройте ссылку, чтобы принять приглашение, выбрать пароль и увидеть свою роль (действует {hours} ч, один раз):', '{link}', 'Если вы не ждали этого письма, просто проигнорируйте его: без вас ничего не откроется.'],
    },
  },
};

const kk: AccountLanguage = {
  greeting: 'Сәлеметсіз бе, {name}.',
  notYou: 'Егер бұл сіз болмасаңыз, құпиясөзді дереу ауыстырып, ұлттық хатшылыққа хабарлаңыз.',
  footer: 'Бұл хатты Dastarkhan сіздің тіркелгіңіз туралы жіберді.',
  emails: {
    'confirm-email': {
      subject: 'Электрондық пошта мекенжайын растаңыз',
      body: ['Мекенжайды растап, тіркелуді аяқтау үшін сілтемені ашыңыз ({hours} сағат жарамды):', '{link}', 'Егер сіз тіркелмеген болсаңыз, хатты елемеңіз: тіркелгі жабық қалады.'],
    },
    'signup-existing': {
      subject: 'Біреу сіздің мекенжайыңызбен тіркелмек болды',
      body: ['Біреу осы мекенжаймен жаңа тіркелгі ашпақ болды, бірақ ол бұрыннан бар. Ештеңе өзгерген жоқ.', 'Егер бұл сіз болсаңыз, кіріңіз — немесе құпиясөзді ұмытсаңыз, оны қалпына келтіріңіз: {link}'],
    },
    'password-reset': {
      subject: 'Құпиясөзді қалпына келтіру',
      body: ['Жаңа құпиясөз таңдау үшін сілтемені ашыңыз ({minutes} минут, бір рет жарамды):', '{link}', 'Егер сіз сұрамаған болсаңыз, хатты елемеңіз: құпиясөз өзгермейді.'],
    },
    'password-changed': { subject: 'Құпиясөз өзгертілді', body: ['Тіркелгіңіздің құпиясөзі өзгертілді, басқа сеанстар жабылды.'] },
    'second-factor-enabled': { subject: 'Екі кезеңді кіру қосылды', body: ['Енді тіркелгіңізге кіру үшін аутентификатор қолданбасындағы код керек.'] },
    'second-factor-disabled': { subject: 'Екі кезеңді кіру өшірілді', body: ['Тіркелгіңізге кіру үшін аутентификатор қолданбасының коды енді керек емес.'] },
    'recovery-codes-renewed': { subject: 'Жаңа қалпына келтіру кодтары', body: ['Тіркелгіңізге жаңа қалпына келтіру кодтары жасалды; ескілері енді жарамсыз.'] },
    'email-change-confirm': {
      subject: 'Жаңа электрондық пошта мекенжайын растаңыз',
      body: ['Dastarkhan тіркелгісін осы мекенжайға көшіру үшін сілтемені ашыңыз ({hours} сағат жарамды):', '{link}'],
    },
    'email-change-taken': {
      subject: 'Біреу тіркелгіні сіздің мекенжайыңызға көшірмек болды',
      body: ['Біреу басқа Dastarkhan тіркелгісін осы мекенжайға көшіруді сұрады, бірақ оның тіркелгісі бұрыннан бар. Ештеңе өзгерген жоқ.'],
    },
    'email-changed': { subject: 'Электрондық пошта мекенжайы өзгертілді', body: ['Тіркелгіңіз енді басқа мекенжайды пайдаланады; хаттар сонда жіберіледі.'] },
    invitation: {
      subject: 'Dastarkhan-ға шақыру',
      body: ['Ұлттық хатшылық немесе клуб үйлестірушісі сізді Dastarkhan-ға шақырады. Шақыруды қабылдап, құпиясөз таңдап, рөліңізді көру үшін сілтемені ашыңыз ({hours} сағат, бір рет жарамды):', '{link}', 'Егер сіз бұл хатты күтпеген болсаңыз, елемеңіз: сізсіз ештеңе ашылмайды.'],
    },
  },
};

export const ACCOUNT_LANGUAGES: Record<Locale, AccountLanguage> = { en, kk, ru };

/** Kinds that tell the owner of a change they may not have made: they end with the "not you?" advice. */
const WARNS: readonly AccountEmailKind[] = ['password-changed', 'second-factor-enabled', 'second-factor-disabled', 'recovery-codes-renewed', 'email-changed'];

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export function renderAccountEmail(
  locale: Locale,
  kind: AccountEmailKind,
  values: { name: string; link?: string; minutes?: number; hours?: number },
): { subject: string; body: string } {
  const language = ACCOUNT_LANGUAGES[locale] ?? ACCOUNT_LANGUAGES.ru;
  const template = language.emails[kind];
  const filled = { name: values.name, link: values.link ?? '', minutes: String(values.minutes ?? ''), hours: String(values.hours ?? '') };
  const lines = [
    fill(language.greeting, filled),
    '',
    ...template.body.map((line) => fill(line, filled)),
    ...(WARNS.includes(kind) ? ['', language.notYou] : []),
    '',
    '--',
    language.footer,
  ];
  return { subject: template.subject, body: lines.join('\n') };
}
