// Steps every browser journey shares: choose a language, sign up (following the emailed link), log in
// (with the second step for administrators and officials) and out, find a demo club.
import { generateSync } from 'otplib';
import pg from 'pg';
import { DEMO_PASSWORD } from './harness.mjs';

export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/** On a phone the header folds navigation, languages and account behind its menu button: open it. */
export async function openMenu(page) {
  const button = page.getByTestId('menu-button');
  // The app renders once its language has loaded: wait for the header before asking what it shows.
  await button.waitFor({ state: 'attached' });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) === 'false') await button.click();
}

export async function chooseLanguage(page, baseUrl, locale) {
  await page.goto(baseUrl);
  await openMenu(page);
  await page.locator(`.language-switch button[lang="${locale}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

/** The TOTP secret each account set up in these journeys (as the person's authenticator app keeps it). */
const authenticators = new Map();
/** The last time step used per secret: the API takes each code once, so a quick second sign-in uses the next one. */
const usedSteps = new Map();

async function authenticatorCode(email) {
  const secret = authenticators.get(email);
  if (!secret) throw new Error(`${email} has no authenticator set up in this run`);
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (usedSteps.get(secret) ?? -1) + 1);
  if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
  usedSteps.set(secret, step);
  return generateSync({ secret, epoch: step * 30 });
}

/**
 * Logs in. An account with a second factor is asked for a code (from the authenticator set up
 * earlier in the run); an administrator or official without one is sent to set it up first, and
 * does, as a person would: scans (here: reads) the key, enters the code, keeps the recovery codes.
 */
export async function logIn(page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  const code = page.locator('input[name="code"]');
  const signedIn = page.getByTestId('current-user');
  await Promise.race([signedIn.waitFor({ state: 'attached' }), code.waitFor()]);
  if (await code.isVisible()) {
    await code.fill(await authenticatorCode(email));
    await page.locator('form button[type="submit"]').click();
  }
  await signedIn.waitFor({ state: 'attached' });
  if (await page.getByTestId('second-factor-needed').isVisible()) await setUpAuthenticator(page, email);
}

async function setUpAuthenticator(page, email) {
  await page.getByTestId('start-enrolment').click();
  const secret = (await page.getByTestId('totp-secret').textContent()).trim();
  authenticators.set(email, secret);
  await page.locator('input[name="totpCode"]').fill(await authenticatorCode(email));
  await page.getByTestId('enrolment').locator('button[type="submit"]').click();
  await page.getByTestId('recovery-codes').waitFor();
  await page.getByTestId('recovery-codes').locator('button').click();
  await page.getByTestId('second-factor-banner').waitFor({ state: 'detached' });
}

/** The newest link of this kind emailed to `email`, as a path of this app (the outbox stands in for the mailbox). */
export async function emailedLink(databaseUrl, email, kind) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT body FROM email_outbox WHERE to_address = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1`, [email.toLowerCase(), kind]);
    const url = rows[0]?.body.match(/https?:\/\/\S+#[\w-]+/)?.[0];
    if (!url) throw new Error(`no ${kind} email for ${email}`);
    const link = new URL(url);
    return `${link.pathname}${link.hash}`;
  } finally {
    await db.end();
  }
}

export async function logOut(page) {
  await openMenu(page);
  await page.getByTestId('logout').click();
  await page.getByTestId('current-user').waitFor({ state: 'detached' });
}

/** The id of the demo club whose name starts with `cityPrefix` (e.g. 'Almaty'). */
export async function clubId(baseUrl, cityPrefix) {
  const { items } = await (await fetch(`${baseUrl}/api/clubs?search=${encodeURIComponent(cityPrefix)}`)).json();
  return items.find((club) => club.name.startsWith(cityPrefix)).id;
}

/** A representative applies to a club as observer and sees the application pending. */
export async function applyAsObserver(page, baseUrl, club, statement) {
  await page.goto(`${baseUrl}/clubs/${club}`);
  await page.getByTestId('apply-statement').fill(statement);
  await page.getByTestId('apply-submit').click();
  await page.locator('[data-testid="status-badge"][data-status="applied"]').first().waitFor();
}

/** The club's coordinator accepts a community's application from the applications page. */
export async function acceptApplication(page, baseUrl, club, communityName) {
  await page.goto(`${baseUrl}/clubs/${club}`);
  await page.getByTestId('applications-link').click();
  const card = page.getByTestId(`application-${communityName}`);
  await card.getByTestId('accept').click();
  await card.waitFor({ state: 'detached' });
}

/**
 * Self-service sign-up of a representative and a non-registered Bahá'í community: the form, the
 * "check your email" answer, the emailed link, then the first log-in.
 */
export async function signUp(page, baseUrl, { name, email, password, communityName, databaseUrl }) {
  await page.goto(`${baseUrl}/signup`);
  await page.locator('input[name="displayName"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="communityName"]').fill(communityName);
  await page.locator('select[name="tradition"]').selectOption('bahai');
  await page.locator('select[name="registrationStatus"]').selectOption('not_registered');
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('signup-check-email').waitFor();
  await page.goto(`${baseUrl}${await emailedLink(databaseUrl, email, 'account.confirm-email')}`);
  await page.getByTestId('link-done').waitFor();
  await logIn(page, baseUrl, email, password);
  await page.goto(`${baseUrl}/my-community`);
}
