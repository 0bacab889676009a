// The whole pathway (issue 5), in Chromium: a non-registered community signs up and applies, is
// accepted as observer, (seven months of seeded history later) sees its milestones turn green, is
// sponsored by two member communities, asks to be nominated, an official records no objection, the
// coordinator admits it, and it appears as a member of the club.
import assert from 'node:assert/strict';
import { advanceObserverHistory } from '../history.mjs';
import { PHONE, acceptApplication, applyAsObserver, chooseLanguage, clubId, logIn, logOut, signUp } from '../steps.mjs';

const SPONSORS = ['mosque@dastarkhan.kz', 'ascension-cathedral@demo.dastarkhan.kz'];

async function milestoneStates(page) {
  await page.getByTestId('milestones').waitFor();
  return page.locator('[data-testid^="milestone-"]').evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.dataset.testid.replace('milestone-', ''), item.dataset.state])),
  );
}

async function completeProfileWithConsent(page, baseUrl) {
  await page.goto(`${baseUrl}/my-community`);
  await page.locator('textarea[name="leaders"]').fill('Elder Daniyar Omarov, Elder Saule Ibrayeva');
  await page.locator('input[name="meetingPlace"]').fill('Rented hall, Dostyk Ave');
  await page.locator('input[name="approximateSize"]').fill('35');
  await page.locator('textarea[name="activities"]').fill('Weekly devotional meetings, children’s classes, a food bank');
  await page.locator('input[name="officialConsent"]').check();
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('consent-date').waitFor();
}

async function participationIdOf(page, baseUrl, club) {
  const response = await page.request.get(`${baseUrl}/api/clubs/${club}`);
  const [mine] = (await response.json()).viewerParticipations;
  return mine.id;
}

async function sponsor(page, baseUrl, email, club, communityName) {
  await logIn(page, baseUrl, email);
  await page.goto(`${baseUrl}/clubs/${club}`);
  await page.getByTestId(`sponsor-link-${communityName}`).click();
  await page.getByTestId('sponsor-statement').fill(`We have worked side by side with ${communityName} for months and vouch for it.`);
  await page.getByTestId('sponsor-submit').click();
  await page.getByTestId('sponsorship').waitFor();
  await logOut(page);
}

export const contextOptions = { 'Grace Fellowship, in Russian on a phone, sees exactly what remains': PHONE };

export const journeys = {
  'Grace Fellowship, in Russian on a phone, sees exactly what remains': async ({ page, baseUrl }) => {
    await chooseLanguage(page, baseUrl, 'ru');
    await logIn(page, baseUrl, 'grace@dastarkhan.kz');
    await page.goto(`${baseUrl}/my-community`);
    await page.getByRole('link', { name: 'Almaty Multi-Faith Club' }).click();
    await page.getByTestId('progress-link').click();
    await page.getByTestId('milestones').waitFor();
    assert.equal(await page.locator('[data-testid="milestone-meetingsAttended"][data-state="unmet"]').count(), 1);
    assert.match(await page.getByTestId('milestone-meetingsAttended').textContent(), /5 из 6/);
    const steps = (await page.getByTestId('next-step').allTextContents()).join(' ');
    for (const remaining of ['посетить ещё 1 встречу', 'ещё 1 совместный проект', 'найти ещё 1 поручителя']) assert.ok(steps.includes(remaining), `"${remaining}" in "${steps}"`);
    // Not every milestone is met, so the community cannot put itself forward yet.
    assert.equal(await page.getByTestId('request-nomination').count(), 0);
  },

  'the whole pathway: applicant → observer → milestones → sponsors → nomination → review → member': async ({ page, baseUrl, databaseUrl }) => {
    const communityName = `Dawn Baháʼí Group ${Date.now().toString(36)}`;
    const email = `pathway-${Date.now()}@example.kz`;
    const password = 'a-long-enough-password';
    const club = await clubId(baseUrl, 'Almaty');
    await chooseLanguage(page, baseUrl, 'en');

    // A non-registered community signs up, completes its transparency profile, consents to
    // officials seeing its record, and applies.
    await signUp(page, baseUrl, { name: 'Daniyar Omarov', email, password, communityName, databaseUrl });
    await completeProfileWithConsent(page, baseUrl);
    await applyAsObserver(page, baseUrl, club, 'We would like to serve Almaty together with the other communities.');
    const participationId = await participationIdOf(page, baseUrl, club);
    await logOut(page);

    // The coordinator accepts it as observer.
    await logIn(page, baseUrl, 'coordinator@dastarkhan.kz');
    await acceptApplication(page, baseUrl, club, communityName);
    await logOut(page);

    // Seven months pass: meetings attended, two joint projects with confirmed contributions.
    await advanceObserverHistory(databaseUrl, { participationId });

    await logIn(page, baseUrl, email, password);
    await page.goto(`${baseUrl}/participations/${participationId}/progress`);
    assert.deepEqual(await milestoneStates(page), {
      monthsAsObserver: 'met',
      meetingsAttended: 'met',
      attendanceRate: 'met',
      jointProjects: 'met',
      transparency: 'met',
      sponsors: 'unmet',
      noOpenConcern: 'met',
    });
    assert.match(await page.getByTestId('next-step').first().textContent(), /2 more sponsors|sponsor/i);
    await logOut(page);

    // Two member communities sponsor it from the club page.
    for (const sponsorEmail of SPONSORS) await sponsor(page, baseUrl, sponsorEmail, club, communityName);

    // Every milestone is green: the community asks to be nominated.
    await logIn(page, baseUrl, email, password);
    await page.goto(`${baseUrl}/participations/${participationId}/progress`);
    await page.locator('[data-testid="milestone-sponsors"][data-state="met"]').waitFor();
    await page.getByTestId('request-nomination').click();
    await page.locator('[data-testid="status-badge"][data-status="candidate"]').first().waitFor();
    await logOut(page);

    // The city's official sees the candidacy (the community consented) and records no objection.
    await logIn(page, baseUrl, 'official@dastarkhan.kz');
    await page.getByTestId('notification-bell').waitFor();
    await page.goto(`${baseUrl}/official/candidacies`);
    const candidacy = page.getByTestId(`candidacy-${communityName}`);
    await candidacy.getByTestId('review-verdict-no_objection').check();
    await candidacy.getByTestId('review-text').fill('No objection: the community has taken part openly and regularly.');
    await candidacy.getByTestId('review-submit').click();
    await candidacy.getByTestId('review-recorded').waitFor();
    await logOut(page);

    // The coordinator admits it, with the decision record.
    await logIn(page, baseUrl, 'coordinator@dastarkhan.kz');
    await page.goto(`${baseUrl}/participations/${participationId}/progress`);
    await page.locator('[data-testid="review-item"][data-verdict="no_objection"]').waitFor();
    await page.getByTestId('decision-outcome-admit').check();
    await page.getByTestId('decision-reason-code').selectOption('milestones_met');
    await page.getByTestId('decision-reason-text').fill('Every milestone met, two sponsors and no objection from the department.');
    await page.getByTestId('decision-submit').click();
    await page.locator('[data-testid="decision-record"][data-outcome="admit"]').waitFor();
    await logOut(page);

    // The community is told, and appears as a member of the club.
    await logIn(page, baseUrl, email, password);
    await page.getByTestId('notification-bell').click();
    await page.locator('[data-testid="notification-item"][data-kind="admitted"]').first().waitFor();
    await page.goto(`${baseUrl}/clubs/${club}`);
    await page.getByTestId('group-member').getByText(communityName).waitFor();
  },
};
