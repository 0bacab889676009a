// Reports (issue 13), in Chromium: the national official opens the dashboard, filters to Shymkent
// and the last 12 months, downloads the CSV (header, row count, suppressed cells), opens a
// consenting candidate's record, and that read appears in the community's access log. axe-core
// finds no serious or critical violation on the dashboard. A coordinator reads it on a phone in Kazakh.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PHONE, chooseLanguage, logIn, logOut } from '../steps.mjs';

const require = createRequire(import.meta.url);

async function expectNoSeriousViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
}

export const contextOptions = {
  // axe-core is injected as an inline script, which the app's Content-Security-Policy refuses.
  'the national official filters the dashboard to Shymkent, downloads the CSV and opens a consenting candidate': { bypassCSP: true },
  'a coordinator reads its clubs’ dashboard on a phone, in Kazakh': PHONE,
};

export const journeys = {
  'the national official filters the dashboard to Shymkent, downloads the CSV and opens a consenting candidate': async ({ page, baseUrl }) => {
    await chooseLanguage(page, baseUrl, 'en');
    await logIn(page, baseUrl, 'official.national@dastarkhan.kz');
    await page.getByTestId('reports-link').click();
    await page.getByTestId('report-table-stages').waitFor();
    assert.match(await page.getByTestId('report-heading').textContent(), /The whole country/);

    await page.getByTestId('filter-city').selectOption({ label: 'Shymkent' });
    await page.getByTestId('filter-period').selectOption('last-12-months');
    await page.getByTestId('report-heading').filter({ hasText: 'City: Shymkent' }).waitFor();
    await page.locator('section.reports[aria-busy="false"]').waitFor();
    await page.getByTestId('report-table-overview').getByText('Almaty Multi-Faith Club').waitFor({ state: 'detached' });
    await page.getByTestId('report-table-overview').getByRole('link', { name: 'Shymkent Multi-Faith Club' }).waitFor();
    await expectNoSeriousViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-stages').click()]);
    assert.match(download.suggestedFilename(), /^dastarkhan-stages-last-12-months\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], 'Stage,Registered,Not registered,Registration pending,Total');
    assert.equal(lines.length, 1 + 7, 'six stages and the total');
    // Shymkent: a registered member, and the suspended congregation that did not consent: "fewer than 5".
    assert.equal(lines.find((l) => l.startsWith('Member,')), 'Member,1,0,0,1');
    assert.equal(lines.find((l) => l.startsWith('Suspended,')), 'Suspended,0,fewer than 5,0,fewer than 5');
    assert.ok(!csv.includes("Jehovah"), 'no community is named');

    // The candidates figure leads to the candidacies the official may see by name.
    await page.goto(`${baseUrl}/reports`);
    await page.getByTestId('report-table-stages').getByRole('link', { name: 'Candidate' }).click();
    await page.getByTestId('progress-link-Word of Life Church of Atyrau').click();
    await page.getByTestId('milestones').waitFor();
    await logOut(page);

    // The community sees the read in its access log.
    await logIn(page, baseUrl, 'atyrau-evangelical@demo.dastarkhan.kz');
    const me = await (await page.request.get(`${baseUrl}/api/auth/me`)).json();
    const communityId = me.roles.find((role) => role.role === 'representative').communityId;
    const log = await (await page.request.get(`${baseUrl}/api/communities/${communityId}/access-log`)).json();
    const reads = log.items.filter((entry) => entry.kind === 'read' && entry.actorRole === 'official');
    assert.ok(reads.length > 0, 'the official’s read is in the access log');
    assert.ok(reads.some((entry) => /participation/.test(entry.resource)), JSON.stringify(reads));
  },

  'a coordinator reads its clubs’ dashboard on a phone, in Kazakh': async ({ page, baseUrl }) => {
    await chooseLanguage(page, baseUrl, 'kk');
    await logIn(page, baseUrl, 'coordinator@dastarkhan.kz');
    await page.goto(`${baseUrl}/reports`);
    const stages = page.getByTestId('report-table-stages');
    await stages.waitFor();
    assert.match(await stages.locator('caption').textContent(), /Кезеңдер мен тіркеу мәртебесі/);
    // The coordinator knows every community of its club: exact figures, nothing hidden.
    const hidden = await page.getByTestId('hidden-figure').allTextContents();
    assert.deepEqual(hidden.filter((text) => /<|•/.test(text)), []);
    assert.match(await page.getByTestId('report-heading').textContent(), /Сіздің клубтарыңыз/);
    // The page fits the phone: no horizontal scroll of the whole page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `page overflows by ${overflow}px`);
  },
};
