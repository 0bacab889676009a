// A club's month without a stumble (issue 11), in Chromium: a coordinator's "To do" and its count in
// the header lead to what waits — the demo's showcase candidacy (Word of Life Church of Atyrau), which
// opens with its admit / defer / decline form and is decided; an application waiting 14 months,
// flagged overdue, with the applicant's transparency profile and the decline's re-apply date; and
// attendance on a meeting still to come, whose buttons are disabled and say why.
//
// This file runs last (journeys run in file order): deciding the showcase candidacy changes the demo
// data other journeys read.
import assert from 'node:assert/strict';
import { PHONE, chooseLanguage, clubId, logIn, logOut } from '../steps.mjs';

const todoCount = async (page) => Number((await page.getByTestId('todo-count').textContent()).trim());

/** Waits until the header's count reads `expected` (no badge at zero). */
const headerCountIs = (page, expected) =>
  page.waitForFunction((n) => {
    const badge = document.querySelector('[data-testid="todo-count"]');
    return n === 0 ? badge === null : badge?.textContent === String(n);
  }, expected);

export const contextOptions = { 'attendance on a meeting still to come: the buttons are disabled and say why, in Kazakh on a phone': PHONE };

export const journeys = {
  'the regions coordinator’s To do leads to the showcase candidacy, which it decides, in Russian': async ({ page, baseUrl }) => {
    await chooseLanguage(page, baseUrl, 'ru');
    await logIn(page, baseUrl, 'coordinator.regions@dastarkhan.kz');
    await page.getByTestId('todo-count').waitFor();
    const before = await todoCount(page);
    assert.ok(before >= 1, `the header counts what waits (${before})`);

    await page.getByTestId('todo-link').click();
    const candidacy = page.locator('[data-testid="work-item"][data-kind="candidacy"]').filter({ hasText: 'Word of Life Church of Atyrau' });
    assert.match(await candidacy.textContent(), /Кандидатура ждёт решения/);
    await candidacy.getByRole('link').click();

    // Nominated before the national policy's first version: judged by that version, never "not found".
    await page.getByTestId('milestones').waitFor();
    await page.getByTestId('decision-form').waitFor();
    await page.getByTestId('decision-outcome-defer').check();
    await page.getByTestId('decision-reason-code').selectOption({ index: 1 });
    await page.getByTestId('decision-reason-text').fill('Просим сначала посетить весенние встречи клуба и завершить совместный проект.');
    await page.getByTestId('decision-submit').click();
    await page.locator('[data-testid="decision-record"][data-outcome="defer"]').waitFor();

    // One thing fewer waits, in the header and on the page.
    await headerCountIs(page, before - 1);
    await page.getByTestId('todo-link').click();
    await page.getByRole('heading', { level: 1, name: 'Нужно сделать' }).waitFor();
    // The list may first show what the cache held; the decided candidacy must leave it once the list is refetched.
    await page.locator('[data-testid="work-item"], .empty').first().waitFor();
    await page.locator('[data-testid="work-item"][data-kind="candidacy"]').filter({ hasText: 'Word of Life' }).waitFor({ state: 'detached' });
    await logOut(page);
  },

  'an application waiting 14 months is overdue; the coordinator reads the applicant’s profile before declining': async ({ page, baseUrl }) => {
    await chooseLanguage(page, baseUrl, 'en');
    await logIn(page, baseUrl, 'coordinator@dastarkhan.kz');
    await page.getByTestId('todo-link').click();
    const application = page.locator('[data-testid="work-item"][data-kind="application"][data-overdue="true"]').filter({ hasText: "Bahá'í Community of Almaty" });
    assert.match(await application.textContent(), /Overdue/);
    await application.getByRole('link').click();

    const card = page.getByTestId("application-Bahá'í Community of Almaty");
    assert.match(await card.getByTestId('application-overdue').textContent(), /Overdue: waiting \d+ days/);
    await card.getByTestId('decline').click();
    assert.match(await card.getByTestId('decline-reapply').inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'the earliest re-apply date is suggested');
    await card.getByTestId('applicant-profile').click();
    await page.getByTestId('transparency-profile').waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), "Bahá'í Community of Almaty");
    await logOut(page);
  },

  'attendance on a meeting still to come: the buttons are disabled and say why, in Kazakh on a phone': async ({ page, baseUrl }) => {
    const club = await clubId(baseUrl, 'Almaty');
    await chooseLanguage(page, baseUrl, 'kk');
    await logIn(page, baseUrl, 'coordinator@dastarkhan.kz');
    const from = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    const meetings = await (await page.request.get(`${baseUrl}/api/clubs/${club}/meetings?from=${encodeURIComponent(from)}`)).json();
    const next = meetings.find((meeting) => meeting.status === 'scheduled');
    assert.ok(next, 'the demo club has a meeting to come');

    await page.goto(`${baseUrl}/meetings/${next.id}`);
    await page.getByTestId('attendance-link').click();
    const closed = page.getByTestId('attendance-closed');
    assert.equal(await closed.textContent(), 'Қатысуды белгілеу кездесу басталардан бір сағат бұрын ашылады.');
    const buttons = page.locator('.attendance-list button');
    assert.ok((await buttons.count()) > 0, 'the invited communities are listed');
    for (const button of await buttons.all()) {
      assert.ok(await button.isDisabled(), 'a button that cannot work is disabled');
      assert.equal(await button.getAttribute('aria-describedby'), 'attendance-closed');
    }
    await logOut(page);
  },
};
