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
