// Steps every browser journey shares: choose a language, log in and out, find a demo club.
import { DEMO_PASSWORD } from './harness.mjs';

export const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

export async function chooseLanguage(page, baseUrl, locale) {
  await page.goto(baseUrl);
  await page.locator(`.language-switch button[lang="${locale}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

export async function logIn(page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('current-user').waitFor();
}

export async function logOut(page) {
  await page.getByTestId('logout').click();
  await page.getByTestId('current-user').waitFor({ state: 'detached' });
}

/** The id of the demo club whose name starts with `cityPrefix` (e.g. 'Almaty'). */
export async function clubId(baseUrl, cityPrefix) {
  const clubs = await (await fetch(`${baseUrl}/api/clubs`)).json();
  return clubs.find((club) => club.name.startsWith(cityPrefix)).id;
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

/** Self-service sign-up of a representative and a non-registered Bahá'í community. */
export async function signUp(page, baseUrl, { name, email, password, communityName }) {
  await page.goto(`${baseUrl}/signup`);
  await page.locator('input[name="displayName"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="communityName"]').fill(communityName);
  await page.locator('select[name="tradition"]').selectOption('bahai');
  await page.locator('select[name="registrationStatus"]').selectOption('not_registered');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/my-community$/);
  await page.getByTestId('current-user').waitFor();
}
