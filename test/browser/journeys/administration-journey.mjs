// Running the platform without SQL (issue 12), in Chromium: the administrator adds a city and opens
// a club in it, invites its coordinator by email; the coordinator follows the emailed link, chooses
// a password, signs in, invites a co-coordinator from the club's People page, imports the club's
// roster from a CSV file with one bad row (the dry run shows it; the good rows are imported) and
// invites a representative of an imported community, who accepts, chooses a password and applies
// to the club as an observer; the administrator verifies an imported mosque's claim, entering the
// registration date and issuing body its row left empty, then finds each of these steps in the audit log.
import assert from 'node:assert/strict';
import { applyAsObserver, chooseLanguage, emailedLink, logIn, logOut } from '../steps.mjs';

const PASSWORD = 'a long unusual passphrase for the Taraz club';

export const journeys = {
  'the administrator opens a club and invites its coordinator, who accepts, invites a co-coordinator, imports a roster and invites a representative, who applies; the audit log shows every step': async ({ page, baseUrl, databaseUrl }) => {
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
    // The club is found by its name, as among hundreds.
    await page.getByTestId('invite-club-search').fill(clubName);
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
    const clubId = new URL(page.url()).pathname.split('/')[2];

    // The club's roster, as Excel saves it: a BOM, semicolons, CRLF; the third row has no email address.
    const church = `Grace Lutheran Church ${tag}`;
    const roster = [
      'Название;Традиция;Регистрационный номер;Контакт;Дата регистрации;Орган регистрации',
      `"${church}";Лютеранская церковь;LUT-${tag};office-${tag}@grace.kz;04.05.2012;Department of Justice of Zhambyl`,
      // Only the four columns filled: the verifying official enters the date and issuing body.
      `"Nur Mosque ${tag}";sunni_islam;NUR-${tag};imam-${tag}@nur.kz;;`,
      `"Hope Church ${tag}";catholic;HOP-${tag};not an address;2011-03-04;Department of Justice of Zhambyl`,
    ];
    await page.getByTestId('roster-link').click();
    await page.getByTestId('roster-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${roster.join('\r\n')}\r\n`, 'utf8') });
    await page.getByTestId('roster-check').click();
    await page.locator('[data-testid="roster-row-4"][data-outcome="error"]').waitFor();
    assert.match(await page.getByTestId('roster-row-4').innerText(), /not an email address/);
    assert.equal(await page.locator('[data-testid^="roster-row-"][data-outcome="new"]').count(), 2);
    await page.getByTestId('roster-commit').click();
    await page.getByTestId('roster-committed').waitFor();

    // A representative of the imported church, invited from the People page.
    const representative = `rep-${tag}@example.kz`;
    await page.goto(`${baseUrl}/clubs/${clubId}/people`);
    await page.getByTestId('club-created-communities').getByText(church).waitFor();
    await page.getByTestId('club-invite-email').fill(representative);
    await page.getByTestId('club-invite-role').selectOption('representative');
    // The picker searches the club's communities by name, in any script.
    await page.getByTestId('club-invite-community-search').fill(church);
    await page.getByTestId('club-invite-community').locator('option', { hasText: church }).waitFor({ state: 'attached' });
    await page.getByTestId('club-invite-community').selectOption({ label: church });
    await page.getByTestId('club-invite-send').click();
    await page.getByTestId(`invitation-${representative}`).waitFor();
    await logOut(page);

    // The representative accepts, chooses a password and applies to the club as an observer.
    await page.goto(`${baseUrl}${await emailedLink(databaseUrl, representative, 'account.invitation')}`);
    await page.getByTestId('accept-name').fill('Anna Becker');
    await page.getByTestId('accept-password').fill(PASSWORD);
    await page.getByTestId('accept-submit').click();
    await page.getByTestId('invitation-accepted').waitFor();
    await logIn(page, baseUrl, representative, PASSWORD);
    await applyAsObserver(page, baseUrl, clubId, 'We would like to get to know the other communities of Taraz.');
    await logOut(page);

    // The administrator verifies the mosque's claim, entering what the register shows for the missing fields.
    await logIn(page, baseUrl, 'admin@dastarkhan.kz');
    await page.goto(`${baseUrl}/registration-claims`);
    const mosque = page.getByTestId('registration-claim-item').filter({ hasText: `Nur Mosque ${tag}` });
    await mosque.getByTestId('claim-verify').click();
    await mosque.getByTestId('claim-confirm-verify').click();
    assert.equal(await mosque.getByText('Enter it from the state register.').count(), 2);
    await mosque.getByTestId('claim-registration-date').fill('2010-02-01');
    await mosque.getByTestId('claim-issuing-body').fill('Department of Justice of Zhambyl');
    await mosque.getByTestId('claim-confirm-verify').click();
    await page.getByTestId('claim-decided').getByText(`The registration of Nur Mosque ${tag} is verified.`).waitFor();

    // The administrator finds each step in the audit log.
    await page.goto(`${baseUrl}/admin/audit-log`);
    await page.getByTestId('audit-club-search').fill(clubName);
    await page.getByTestId('audit-club').selectOption({ label: clubName });
    await page.getByTestId('audit-search').click();
    for (const action of ['club.created', 'invitation.created', 'invitation.accepted', 'role.granted', 'community.created-on-behalf', 'roster.imported']) {
      await page.getByTestId(`audit-${action}`).first().waitFor();
    }
    // The coordinator, the co-coordinator, the two imported communities' contacts, and the church's representative.
    assert.equal(await page.getByTestId('audit-invitation.created').count(), 5);
    assert.equal(await page.getByTestId('audit-community.created-on-behalf').count(), 2);
    assert.equal(await page.getByTestId('audit-invitation.accepted').count(), 2);
  },
};
