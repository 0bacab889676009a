// The first journey (issue 2), in each language: a non-registered community applies to a club as
// observer, the club's coordinator accepts, the community sees "observer" and its history.
import assert from 'node:assert/strict';
import { PHONE, acceptApplication, applyAsObserver, chooseLanguage, clubId, logIn, logOut, signUp } from '../steps.mjs';

async function expectObserver(page, baseUrl, club, observerWord) {
  await page.goto(`${baseUrl}/clubs/${club}`);
  const badge = page.locator('[data-testid="status-badge"][data-status="observer"]').first();
  await badge.waitFor();
  assert.equal((await badge.textContent()).trim(), observerWord);
}

/** Self-service sign-up in `locale`, application, acceptance by the regional coordinator. */
async function signedUpCommunityBecomesObserver({ page, baseUrl, databaseUrl }, { locale, person, communityName, city, statement, observerWord }) {
  const email = `${locale}-${Date.now()}@example.kz`;
  const password = 'a-long-enough-password';
  await chooseLanguage(page, baseUrl, locale);
  await signUp(page, baseUrl, { name: person, email, password, communityName, databaseUrl });
  const club = await clubId(baseUrl, city);
  await applyAsObserver(page, baseUrl, club, statement);
  await logOut(page);

  await logIn(page, baseUrl, 'coordinator.regions@dastarkhan.kz');
  await acceptApplication(page, baseUrl, club, communityName);
  await logOut(page);

  await logIn(page, baseUrl, email, password);
  await expectObserver(page, baseUrl, club, observerWord);
}

export const contextOptions = { 'first journey in Russian, on a phone': PHONE };

export const journeys = {
  async 'first journey in English: representative applies, coordinator accepts, representative sees observer'({ page, baseUrl }) {
    await chooseLanguage(page, baseUrl, 'en');
    // Browse as a person would: cities → Almaty → its club.
    await logIn(page, baseUrl, 'rep@dastarkhan.kz');
    await page.goto(`${baseUrl}/cities`);
    await page.getByRole('link', { name: 'Almaty', exact: false }).first().click();
    await page.getByRole('link', { name: 'Almaty Multi-Faith Club' }).click();
    await page.getByTestId('apply-statement').waitFor();
    const club = page.url().split('/clubs/')[1];

    await applyAsObserver(page, baseUrl, club, 'We are a small house church and would like to serve our city with others.');
    await logOut(page);

    await logIn(page, baseUrl, 'coordinator@dastarkhan.kz');
    await acceptApplication(page, baseUrl, club, 'New Life House Church');
    await logOut(page);

    await logIn(page, baseUrl, 'rep@dastarkhan.kz');
    await expectObserver(page, baseUrl, club, 'Observer');
    await page.getByRole('link', { name: /history/i }).first().click();
    await page.getByTestId('history-event').nth(1).waitFor();
    assert.equal(await page.getByTestId('history-event').count(), 2);
  },

  'first journey in Russian, on a phone': (context) =>
    signedUpCommunityBecomesObserver(context, {
      locale: 'ru',
      person: 'Айгерим',
      communityName: `Община ${Date.now()}`,
      city: 'Astana',
      statement: 'Мы хотим участвовать в делах клуба и помогать городу.',
      observerWord: 'Наблюдатель',
    }),

  'first journey in Kazakh: a newly signed-up community becomes an observer': (context) =>
    signedUpCommunityBecomesObserver(context, {
      locale: 'kk',
      person: 'Ерлан',
      communityName: `Қауым ${Date.now()}`,
      city: 'Shymkent',
      statement: 'Біз клубтың жұмысына қатысып, қалаға көмектескіміз келеді.',
      observerWord: 'Бақылаушы',
    }),

  async 'an anonymous visitor never sees a non-registered observer on a club page'({ page, baseUrl }) {
    const club = await clubId(baseUrl, 'Almaty');
    await page.goto(`${baseUrl}/clubs/${club}`);
    await page.getByText('Central Mosque of Almaty').waitFor();
    assert.equal(await page.getByText('Grace Evangelical Fellowship').count(), 0);
  },
};
