// The meetings journey (issue 3), on a phone: the Almaty coordinator schedules a monthly meeting
// (first Tuesday, 6 times) and a short meeting starting within the half hour; a representative of an
// observer community RSVPs; the coordinator records attendance with one tap per community, publishes
// minutes with an action item, and the item shows on the next meeting's page.
//
// Attendance and minutes are only accepted from an hour before a meeting's start, so they are
// recorded on the meeting that starts ~20 minutes from now; the monthly series starts next month,
// so it is always later than that meeting whatever the date and time of the run.
import assert from 'node:assert/strict';
import { PHONE, chooseLanguage, clubId, logIn, logOut } from '../steps.mjs';

const COORDINATOR = 'coordinator@dastarkhan.kz';
const GRACE = 'grace@dastarkhan.kz';
const GRACE_COMMUNITY = 'Grace Evangelical Fellowship';


/** Almaty wall-clock date and time (`YYYY-MM-DD`, `HH:mm`) of a moment. */
function almaty(moment) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Almaty',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Saves the schedule form: conflicts would block (none expected), warnings are acknowledged. */
async function saveMeeting(page) {
  await page.getByTestId('meeting-save').click();
  const saved = page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/).then(() => 'saved');
  const warned = page.getByTestId('warnings-box').waitFor().then(() => 'warned');
  const outcome = await Promise.race([saved, warned]);
  if (outcome === 'warned') {
    await page.getByTestId('meeting-save').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  }
  await page.getByTestId('scheduled-notice').waitFor();
  return page.url();
}

async function scheduleMonthly(page, baseUrl, club, title) {
  await page.goto(`${baseUrl}/clubs/${club}`);
  await page.getByTestId('schedule-link').first().click();
  await page.getByTestId('meeting-title').fill(title);
  await page.getByTestId('meeting-repeat').selectOption('monthly_weekday');
  assert.match(await page.getByTestId('meeting-repeat').locator('option:checked').textContent(), /first Tuesday/);
  assert.equal(await page.getByTestId('meeting-count').inputValue(), '6');
  assert.equal(await page.getByTestId('meeting-start').inputValue(), '18:00');
  assert.equal(await page.getByTestId('meeting-end').inputValue(), '20:00');
  await page.getByTestId('meeting-venue').fill('Almaty City Hall, hall 2');
  return saveMeeting(page);
}

/** A one-off meeting starting ~20 minutes from now (so attendance is open), an hour long at most. */
async function scheduleSoon(page, baseUrl, club, title) {
  const startAt = new Date(Math.ceil((Date.now() + 20 * 60_000) / 300_000) * 300_000);
  const start = almaty(startAt);
  const end = almaty(new Date(startAt.getTime() + 60 * 60_000));
  await page.goto(`${baseUrl}/clubs/${club}/meetings/new`);
  await page.getByTestId('meeting-title').fill(title);
  await page.getByTestId('meeting-date').fill(start.date);
  await page.getByTestId('meeting-start').fill(start.time);
  // Past midnight the hour is cut at 23:59 so the meeting stays on one date.
  await page.getByTestId('meeting-end').fill(end.date === start.date ? end.time : '23:59');
  await page.getByTestId('meeting-venue').fill('Central Mosque of Almaty, conference room');
  return saveMeeting(page);
}

export const contextOptions = {
  'meetings: coordinator schedules, representative RSVPs, attendance on a phone, minutes carry an action item to the next meeting': PHONE,
};

export const journeys = {
  async 'meetings: coordinator schedules, representative RSVPs, attendance on a phone, minutes carry an action item to the next meeting'({
    page,
    baseUrl,
  }) {
    const stamp = Date.now().toString(36);
    const monthlyTitle = `Monthly club meeting ${stamp}`;
    const actionTitle = `Ask the akimat for the clean-up permit ${stamp}`;
    const club = await clubId(baseUrl, 'Almaty');
    await chooseLanguage(page, baseUrl, 'en');

    // 1. The coordinator plans the monthly series (first Tuesday, 6 meetings) and today's meeting.
    await logIn(page, baseUrl, COORDINATOR);
    const monthlyUrl = await scheduleMonthly(page, baseUrl, club, monthlyTitle);
    assert.match(await page.getByTestId('scheduled-notice').textContent(), /6/);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 300 * 86_400_000).toISOString();
    const listed = await (await page.request.get(`${baseUrl}/api/clubs/${club}/meetings?from=${from}&to=${to}`)).json();
    const series = listed.filter((meeting) => meeting.title === monthlyTitle);
    assert.equal(series.length, 6);
    for (const meeting of series) {
      const start = new Date(meeting.startsAt);
      // Tuesday 18:00 in Almaty (13:00 UTC), within the first seven days of the month.
      assert.equal(start.getUTCDay(), 2);
      assert.equal(start.getUTCHours(), 13);
      assert.ok(start.getUTCDate() <= 7, `${meeting.startsAt} is not a first Tuesday`);
    }
    const soonUrl = await scheduleSoon(page, baseUrl, club, `Working meeting ${stamp}`);
    await logOut(page);

    // 2. The observer community's representative answers yes, for 3 people.
    await logIn(page, baseUrl, GRACE);
    await page.goto(monthlyUrl);
    const rsvp = page.getByTestId('rsvp-box');
    await rsvp.getByTestId('rsvp-yes').click();
    await rsvp.getByTestId('rsvp-attendees').fill('3');
    await rsvp.getByTestId('rsvp-save').click();
    await rsvp.locator('[data-testid="rsvp-saved"][data-answer="yes"]').waitFor();
    await logOut(page);

    // 3. The coordinator sees the answer, then records attendance with one tap per community.
    await logIn(page, baseUrl, COORDINATOR);
    await page.goto(monthlyUrl);
    await page.getByTestId('rsvp-response').filter({ hasText: GRACE_COMMUNITY }).waitFor();
    assert.equal((await page.getByTestId('rsvp-count-yes').locator('.count-number').textContent()).trim(), '1');
    assert.match(await page.getByTestId('rsvp-expected').textContent(), /3/);

    await page.goto(soonUrl);
    await page.getByTestId('check-in-code').waitFor();
    await page.getByTestId('attendance-link').click();
    const rows = page.locator('.attendance-row');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count >= 2, `expected the club's invited communities, got ${count}`);
    for (let index = 0; index < count; index++) {
      const present = rows.nth(index).getByTestId('mark-present');
      await present.tap();
      await rows.nth(index).locator('[data-testid="mark-present"][aria-pressed="true"]').waitFor();
    }
    const grace = page.getByTestId(`attendance-${GRACE_COMMUNITY}`);
    assert.equal((await grace.getByTestId('attendance-role').textContent()).trim(), 'Observer');
    await page.waitForFunction((n) => document.querySelector('[data-testid="attendance-summary"]')?.textContent?.includes(`${n} of ${n}`), count);
    // Phone-usable: nothing wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the attendance page scrolls sideways');
    await page.getByTestId('attendance-history-link').click();
    await page.getByTestId('attendance-event').nth(count - 1).waitFor();

    // 4. Minutes with a decision and an action item owned by the observer community, published.
    await page.goto(`${soonUrl}/minutes`);
    await page.getByTestId('minutes-text').fill('All invited communities attended. We planned the spring clean-up.');
    await page.getByTestId('add-decision').click();
    await page.getByTestId('decision-input').fill('Hold the city clean-up on the second Saturday of April');
    await page.getByTestId('action-title').fill(actionTitle);
    await page.getByTestId('action-owner-community').selectOption({ label: GRACE_COMMUNITY });
    await page.getByTestId('add-action-item').click();
    await page.getByTestId('meeting-action-items').getByText(actionTitle).waitFor();
    await page.getByTestId('publish-minutes').click();
    await page.getByTestId('minutes-published').waitFor();

    // 5. The open item is carried over to the next meeting's page.
    await page.goto(monthlyUrl);
    const carried = page.getByTestId('carried-over');
    await carried.getByText(actionTitle).waitFor();
    assert.match(await carried.getByTestId('action-item').filter({ hasText: actionTitle }).textContent(), new RegExp(GRACE_COMMUNITY));
    await logOut(page);

    // 6. The representative reads the published minutes.
    await logIn(page, baseUrl, GRACE);
    await page.goto(soonUrl);
    await page.getByTestId('published-minutes').getByText('Hold the city clean-up on the second Saturday of April').waitFor();
  },
};
