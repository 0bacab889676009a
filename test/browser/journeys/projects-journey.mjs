// The joint projects journey (issue 4), on a phone: Grace Evangelical Fellowship (an observer of the
// Almaty club) proposes a clean-up; the coordinator approves it and sets two milestones; the Central
// Mosque (a member) asks to join and the coordinator confirms; both communities log their
// contributions; the coordinator confirms them, ticks the milestones off and completes the project
// with an outcome report. Then an anonymous visitor opens the public page: the registered mosque is
// named, the non-registered (not public) fellowship is not; and the fellowship's civic record counts it.
import assert from 'node:assert/strict';
import { PHONE, chooseLanguage, clubId, logIn, logOut } from '../steps.mjs';

const COORDINATOR = 'coordinator@dastarkhan.kz';
const GRACE = 'grace@dastarkhan.kz';
const MOSQUE = 'mosque@dastarkhan.kz';
const GRACE_COMMUNITY = 'Grace Evangelical Fellowship';
const MOSQUE_COMMUNITY = 'Central Mosque of Almaty';

async function as(page, baseUrl, email, steps) {
  await logIn(page, baseUrl, email);
  await steps();
  await logOut(page);
}


/** A calendar date `days` from today, as the date input takes it (YYYY-MM-DD). */
function dateIn(days) {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

async function expectStatus(page, status) {
  await page.locator(`[data-testid="project-status"][data-status="${status}"]`).waitFor();
}

async function logContribution(page, projectUrl, { volunteers, hours, inKind }) {
  await page.goto(projectUrl);
  const form = page.getByTestId('add-contribution');
  await form.locator('input[name="volunteers"]').fill(String(volunteers));
  await form.locator('input[name="hours"]').fill(String(hours));
  if (inKind) await form.locator('textarea[name="inKind"]').fill(inKind);
  await form.getByTestId('contribution-submit').click();
  await form.waitFor({ state: 'detached' });
}

export const contextOptions = { 'projects journey on a phone: propose, approve, join, contribute, confirm, complete': PHONE };

export const journeys = {
  async 'projects journey on a phone: propose, approve, join, contribute, confirm, complete'({ page, baseUrl }) {
    const club = await clubId(baseUrl, 'Almaty');
    const title = `Spring clean-up of the Esentai riverbank ${Date.now()}`;
    await chooseLanguage(page, baseUrl, 'en');

    // An observer community proposes a clean-up from the club page.
    let projectUrl;
    await as(page, baseUrl, GRACE, async () => {
      await page.goto(`${baseUrl}/clubs/${club}`);
      await page.getByTestId('projects-link').click();
      await page.getByTestId('propose-link').click();
      await page.locator('input[name="title"]').fill(title);
      await page.locator('textarea[name="description"]').fill('We clean the riverbank together and plant trees; bring gloves.');
      await page.locator('select[name="category"]').selectOption('cleanup');
      await page.locator('input[name="startsOn"]').fill(dateIn(7));
      await page.locator('input[name="endsOn"]').fill(dateIn(8));
      await page.getByTestId('propose-submit').click();
      await page.waitForURL(/\/projects\/[0-9a-f-]+$/);
      await expectStatus(page, 'proposed');
      projectUrl = page.url();
    });

    // The coordinator sees the proposal on the club's projects page, approves it, sets milestones.
    await as(page, baseUrl, COORDINATOR, async () => {
      await page.goto(`${baseUrl}/clubs/${club}/projects`);
      await page.getByTestId('projects-proposed').getByTestId(`project-${title}`).click();
      await page.getByTestId('project-approve').click();
      await expectStatus(page, 'active');
      for (const milestone of ['Buy bags and gloves', 'Clean-up day']) {
        await page.locator('input[name="milestoneTitle"]').fill(milestone);
        await page.getByTestId('milestone-add').click();
        await page.getByTestId(`milestone-${milestone}`).waitFor();
      }
      assert.equal(await page.getByRole('progressbar').getAttribute('aria-valuenow'), '0');
    });

    // A member community asks to join; the coordinator confirms.
    await as(page, baseUrl, MOSQUE, async () => {
      await page.goto(projectUrl);
      await page.getByTestId('join-project').click();
      await page.getByTestId('join-requested').waitFor();
    });
    await as(page, baseUrl, COORDINATOR, async () => {
      await page.goto(projectUrl);
      const row = page.getByTestId(`partner-${MOSQUE_COMMUNITY}`);
      await row.getByTestId('partner-confirm').click();
      await row.getByTestId('partner-confirm').waitFor({ state: 'detached' });
    });

    // Both communities log what they contributed; it awaits confirmation and counts for nothing yet.
    await as(page, baseUrl, MOSQUE, () => logContribution(page, projectUrl, { volunteers: 12, hours: 30, inKind: 'Tea and lunch for everyone' }));
    await as(page, baseUrl, GRACE, async () => {
      await logContribution(page, projectUrl, { volunteers: 25, hours: 75.5, inKind: '200 bin bags' });
      await page.getByTestId(`contribution-${GRACE_COMMUNITY}`).getByTestId('pending-revision').waitFor();
      assert.equal((await page.getByTestId('total-volunteers').textContent()).trim(), '0');
    });

    // The coordinator confirms both contributions, ticks the milestones off and completes the project.
    await as(page, baseUrl, COORDINATOR, async () => {
      await page.goto(projectUrl);
      for (const community of [GRACE_COMMUNITY, MOSQUE_COMMUNITY]) {
        const line = page.getByTestId(`contribution-${community}`);
        await line.getByTestId('contribution-confirm').click();
        await line.getByTestId('counted-revision').waitFor();
      }
      await page.getByTestId('total-volunteers').getByText('37').waitFor();
      assert.equal((await page.getByTestId('total-hours').textContent()).trim(), '105.5');
      // click, not check(): the box follows the server's answer, and the progress line is what the user sees.
      await page.getByLabel('Buy bags and gloves', { exact: true }).click();
      await page.getByTestId('progress-text').getByText('1 of 2 done (50%)').waitFor();
      await page.getByLabel('Clean-up day', { exact: true }).click();
      await page.getByTestId('progress-text').getByText('2 of 2 done (100%)').waitFor();

      await page.getByTestId('project-complete').click();
      await page.getByTestId('outcome-summary').fill('Forty volunteers of two communities cleaned two kilometres of the riverbank.');
      await page.getByTestId('figure-label-0').fill('Bags of litter');
      await page.getByTestId('figure-value-0').fill('84');
      await page.getByTestId('add-figure').click();
      await page.getByTestId('figure-label-1').fill('Trees planted');
      await page.getByTestId('figure-value-1').fill('15');
      await page.getByTestId('photo-link-0').fill('https://photos.example.kz/esentai-cleanup/1.jpg');
      await page.getByTestId('outcome-submit').click();
      await expectStatus(page, 'completed');
      await page.getByTestId('outcome-report').getByText('Bags of litter').waitFor();
    });

    // The public page: the outcome and the registered mosque; never the non-registered fellowship.
    await page.goto(projectUrl);
    await page.getByTestId('outcome-report').waitFor();
    await page.getByTestId(`partner-${MOSQUE_COMMUNITY}`).waitFor();
    assert.equal(await page.getByText(GRACE_COMMUNITY).count(), 0);
    // The totals are the mosque's alone; what the fellowship did shows only as "fewer than 10" partners,
    // so it cannot be found by subtracting the mosque's line from a total.
    const undisclosed = page.getByTestId('undisclosed-partners');
    await undisclosed.waitFor();
    assert.equal((await page.getByTestId('total-volunteers').textContent()).trim(), '12');
    assert.equal(await undisclosed.getByTestId('undisclosed-count').getAttribute('data-figure'), 'fewer');
    assert.equal(await undisclosed.getByTestId('undisclosed-volunteers').getAttribute('data-figure'), 'fewer');

    // The fellowship's civic record counts the project, beside the winter-coats drive of the demo data.
    await as(page, baseUrl, GRACE, async () => {
      await page.goto(`${baseUrl}/my-community`);
      const record = page.getByTestId('civic-record');
      await record.getByTestId('civic-entry').filter({ hasText: title }).waitFor();
      assert.equal((await record.getByTestId('civic-projects').textContent()).trim(), '2');
    });
  },
};
