// Running the platform without SQL (issue 12), in Chromium: the administrator adds a city and opens
// a club in it, invites its coordinator by email; the coordinator follows the emailed link, chooses
// a password, signs in and invites a co-coordinator from the club's People page; the administrator
// then finds each of these steps in the audit log.
import assert from 'node:assert/strict';
import { chooseLanguage, emailedLink, logIn, logOut } from '../steps.mjs';

const PASSWORD = 'a long unusual passphrase for the Taraz club';

export const journeys = {
  'the administrator opens a club and invites its coordinator, who accepts and invites a co-coordinator; the audit log shows every step': async ({ page, baseUrl, databaseUrl }) => {
    const tag = Date.now().toString(36);
    const clubName = `Taraz Club ${tag}`;
    const coordinator = `coordinator-${tag}@example.kz`;
    await chooseLanguage(page, baseUrl, 'en');
    await logIn(page, baseUrl, 'admin@dastarkhan.kz');
    await page.getByTestId('admin-link').click();
    await page.getByTestId('attention').waitFor();

    // A city, then a club in it.
    await page.goto(`${baseUrl}/admin/clubs`);
    const city = page.getByTestId('city-form');
    await city.getByTestId('city-slug').fill(`taraz-${tag}`);
    for (const [locale, name] of [['kk', 'Тараз'], ['ru', 'Тараз'], ['en', `Taraz ${tag}`]]) await city.getByTestId(`name-${locale}`).first().fill(name);
    await city.getByTestId('city-region-code').fill('zhambyl');
    for (const [locale, name] of [['kk', 'Жамбыл облысы'], ['ru', 'Жамбылская область'], ['en', 'Zhambyl Region']]) await city.getByTestId('city-region').getByTestId(`name-${locale}`).fill(name);
    await city.getByTestId('city-create').click();
    const club = page.getByTestId('club-form');
    await club.getByTestId('club-city').selectOption({ label: `Taraz ${tag}` });
    for (const locale of ['kk', 'ru', 'en']) await club.getByTestId(`name-${locale}`).fill(clubName);
    await club.getByTestId('club-description-en').fill('Monthly meetings of the communities of Taraz.');
    await club.getByTestId('club-meeting-place').fill('House of Friendship');
    await club.getByTestId('club-create').click();
    await page.getByTestId(`admin-club-${clubName}`).waitFor();

    // Its coordinator, invited by email.
    await page.goto(`${baseUrl}/admin/users`);
    await page.getByTestId('invite-email').fill(coordinator);
    await page.getByTestId('invite-role').selectOption('coordinator');
    await page.getByTestId('invite-club').selectOption({ label: clubName });
    await page.getByTestId('invite-send').click();
    await page.getByTestId(`invitation-${coordinator}`).waitFor();
    await logOut(page);

    // The coordinator follows the link, chooses a password, signs in, invites a co-coordinator.
    await page.goto(`${baseUrl}${await emailedLink(databaseUrl, coordinator, 'account.invitation')}`);
    await page.getByTestId('accept-name').fill('Aigul Seitkali');
    await page.getByTestId('accept-password').fill(PASSWORD);
    await page.getByTestId('accept-submit').click();
    await page.getByTestId('invitation-accepted').waitFor();
    await logIn(page, baseUrl, coordinator, PASSWORD);
    await page.goto(`${baseUrl}/my-clubs`);
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByTestId('club-invite-email').fill(`co-${coordinator}`);
    await page.getByTestId('club-invite-send').click();
    await page.getByTestId(`invitation-co-${coordinator}`).waitFor();
    await logOut(page);

    // The administrator finds each step in the audit log.
    await logIn(page, baseUrl, 'admin@dastarkhan.kz');
    await page.goto(`${baseUrl}/admin/audit-log`);
    await page.getByTestId('audit-club').selectOption({ label: clubName });
    await page.getByTestId('audit-search').click();
    for (const action of ['club.created', 'invitation.created', 'invitation.accepted', 'role.granted']) await page.getByTestId(`audit-${action}`).first().waitFor();
    assert.equal(await page.getByTestId('audit-invitation.created').count(), 2);
  },
};
