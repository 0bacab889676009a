// Issue 11, items 11–13: every route of the web app, as each role that uses it, on a desktop and on a
// 390 × 844 phone — axe-core finds no serious or critical violation, every page names its tab, the
// phone's header stays compact, nothing scrolls sideways, every input and button is a ≥ 44 px touch
// target, and signed-out pages log no console error. Routes are read from the app's route files, so
// a route added later fails here until it says who visits it.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { logIn } from '../steps.mjs';

const webSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps/web/src');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE_390 = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const MIN_TARGET = 44;
const MAX_PHONE_HEADER = 100;

/** Every path the web app routes, from apps/web/src/app/routes.tsx and each feature's routes.tsx. */
export function appRoutePaths() {
  const files = [path.join(webSrc, 'app/routes.tsx')];
  for (const feature of readdirSync(path.join(webSrc, 'features'))) {
    const file = path.join(webSrc, 'features', feature, 'routes.tsx');
    try {
      readFileSync(file);
      files.push(file);
    } catch {
      // this feature has no routes of its own
    }
  }
  const paths = new Set();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (/\bindex:\s*true/.test(source)) paths.add('/');
    for (const [, route] of source.matchAll(/\bpath:\s*'([^']+)'/g)) paths.add(route);
  }
  return [...paths];
}

/** Who visits each route (the roles it is made for); a route missing here fails the test. */
const VISITORS = {
  '/': ['anonymous'],
  cities: ['anonymous'],
  'cities/:cityId': ['anonymous'],
  'cities/:cityId/open-data': ['anonymous'],
  'clubs/:clubId': ['anonymous', 'representative', 'coordinator'],
  'clubs/:clubId/applications': ['coordinator'],
  'clubs/:clubId/calendar': ['anonymous', 'coordinator'],
  'clubs/:clubId/meetings/new': ['coordinator'],
  'clubs/:clubId/projects': ['anonymous'],
  'clubs/:clubId/projects/new': ['representative'],
  'clubs/:clubId/pathway-policy': ['coordinator'],
  'meetings/:id': ['representative', 'coordinator'],
  'meetings/:id/edit': ['coordinator'],
  'meetings/:id/attendance': ['coordinator'],
  'meetings/:id/attendance/history': ['coordinator'],
  'meetings/:id/minutes': ['coordinator'],
  'participations/:id': ['representative', 'coordinator'],
  'participations/:id/progress': ['representative', 'coordinator'],
  'projects/:id': ['anonymous', 'representative'],
  'my-community': ['representative'],
  'my-community/:communityId/access-log': ['representative'],
  'my-clubs': ['coordinator'],
  'to-do': ['coordinator'],
  // The transparency profile a coordinator opens from an application.
  'communities/:id': ['coordinator'],
  notifications: ['representative'],
  account: ['representative', 'official'],
  reports: ['coordinator', 'official'],
  'registration-claims': ['official'],
  'official/candidacies': ['official'],
  admin: ['administrator'],
  'admin/clubs': ['administrator'],
  'admin/users': ['administrator'],
  'admin/audit-log': ['administrator'],
  'admin/weekly-observances': ['administrator'],
  'clubs/:clubId/people': ['coordinator'],
  'clubs/:clubId/roster': ['coordinator'],
  'accept-invitation': ['anonymous'],
  'admin/topics': ['administrator'],
  'admin/holidays': ['administrator'],
  'admin/pathway-policy': ['administrator'],
  'admin/appeals': ['administrator'],
  'admin/email-outbox': ['administrator'],
  'admin/security-events': ['administrator'],
  login: ['anonymous'],
  signup: ['anonymous'],
  'forgot-password': ['anonymous'],
  'reset-password': ['anonymous'],
  'confirm-email': ['anonymous'],
  'confirm-email-change': ['anonymous'],
  '*': ['anonymous'],
};

const LOGINS = {
  representative: 'grace@dastarkhan.kz',
  coordinator: 'coordinator@dastarkhan.kz',
  official: 'official@dastarkhan.kz',
  administrator: 'admin@dastarkhan.kz',
};

/** The demo records that fill each path parameter: the Almaty club's world, as Grace's representative sees it. */
async function demoIds(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const one = async (sql) => (await db.query(sql)).rows[0]?.id;
    const club = await one(`SELECT c.id FROM clubs c JOIN cities ci ON ci.id = c.city_id WHERE ci.slug = 'almaty'`);
    const representedCommunity = await one(`SELECT r.community_id AS id FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.email = '${LOGINS.representative}'`);
    return {
      cities: await one(`SELECT id FROM cities WHERE slug = 'almaty'`),
      clubs: club,
      meetings: await one(`SELECT id FROM meetings WHERE club_id = '${club}' AND minutes_published_at IS NOT NULL ORDER BY starts_at DESC LIMIT 1`),
      // The completed public project: the one anonymous visitors may open.
      projects: await one(`SELECT id FROM projects WHERE club_id = '${club}' AND status = 'completed' AND visibility = 'public' LIMIT 1`),
      participations: await one(
        `SELECT p.id FROM participations p JOIN role_assignments r ON r.community_id = p.community_id JOIN users u ON u.id = r.user_id
          WHERE u.email = '${LOGINS.representative}' AND p.club_id = '${club}'`,
      ),
      'my-community': representedCommunity,
      communities: representedCommunity,
    };
  } finally {
    await db.end();
  }
}

/** The URL of a route pattern: each parameter takes the demo record named by the segment before it. */
function urlOf(route, ids) {
  if (route === '*') return '/no-such-page';
  if (route === '/') return '/';
  const segments = route.split('/');
  return `/${segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      const id = ids[segments[i - 1]];
      if (!id) throw new Error(`no demo record for ${segment} in ${route}: add one to demoIds()`);
      return id;
    })
    .join('/')}`;
}

/** What a page shows wrong: axe's serious/critical violations, a bare tab title, and on a phone its layout and touch targets. */
async function auditPage(page, { phone, menuOpen = false }) {
  await page.waitForFunction(() => document.querySelector('main h1') && !document.querySelector('main .loading'));
  await page.waitForLoadState('networkidle');
  const problems = [];
  const title = await page.title();
  const heading = (await page.locator('main h1').first().textContent())?.trim();
  if (!heading || !title.startsWith(heading)) problems.push(`tab title "${title}" does not name the page ("${heading}")`);

  // Evaluated rather than added as a script tag: the app's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    if (result.passes.length === 0) return ['axe checked nothing'];
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  problems.push(...violations);

  if (phone) {
    problems.push(
      ...(await page.evaluate(
        ({ minTarget, maxHeader }) => {
          const found = [];
          const header = document.querySelector('header');
          if (maxHeader && header && header.getBoundingClientRect().height > maxHeader) {
            found.push(`header is ${Math.round(header.getBoundingClientRect().height)} px tall (at most ${maxHeader})`);
          }
          if (document.documentElement.scrollWidth > window.innerWidth) {
            found.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide)`);
          }
          const describe = (el) => `${el.tagName.toLowerCase()}${el.name ? `[name=${el.name}]` : ''}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
          const targets = document.querySelectorAll('button, input:not([type=hidden]), select, textarea, [role=button], a.button');
          for (const el of targets) {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden')) continue;
            // A checkbox or radio is tapped through its label too: the target is the label's box.
            const label = (el.type === 'checkbox' || el.type === 'radio') && (el.closest('label') ?? el.labels?.[0]);
            const target = label ? label.getBoundingClientRect() : box;
            if (Math.round(target.height) < minTarget || Math.round(target.width) < minTarget) {
              found.push(`touch target ${describe(el)} is ${Math.round(target.width)}×${Math.round(target.height)} px`);
            }
          }
          return found;
        },
        { minTarget: MIN_TARGET, maxHeader: menuOpen ? null : MAX_PHONE_HEADER },
      )),
    );
  }
  return problems;
}

/** Visits each of the role's routes, on a desktop then on a phone, and fails listing every problem found. */
async function auditRole(role, { page, context, baseUrl, databaseUrl }) {
  const routes = appRoutePaths();
  const unlisted = routes.filter((route) => !VISITORS[route]);
  assert.deepEqual(unlisted, [], `routes with no visitors in accessibility-journey.mjs: ${unlisted.join(', ')}`);
  const stale = Object.keys(VISITORS).filter((route) => !routes.includes(route));
  assert.deepEqual(stale, [], `VISITORS names routes the app no longer has: ${stale.join(', ')}`);

  const ids = await demoIds(databaseUrl);
  const urls = routes.filter((route) => VISITORS[route].includes(role)).map((route) => urlOf(route, ids));
  if (role !== 'anonymous') await logIn(page, baseUrl, LOGINS[role]);
  const phoneContext = await context.browser().newContext({ ...PHONE_390, storageState: await context.storageState() });
  const problems = [];
  try {
    for (const [device, devicePage] of [
      ['desktop', page],
      ['phone', await phoneContext.newPage()],
    ]) {
      devicePage.setDefaultTimeout(30_000);
      const consoleErrors = [];
      devicePage.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      devicePage.on('pageerror', (error) => consoleErrors.push(error.message));
      for (const url of urls) {
        consoleErrors.length = 0;
        await devicePage.goto(`${baseUrl}${url}`);
        const found = await auditPage(devicePage, { phone: device === 'phone' }).catch((error) => [`could not be audited: ${error.message.split('\n')[0]}`]);
        // No page logs an error; signed out is an ordinary state too (not even a 401 from asking who is signed in).
        found.push(...consoleErrors.map((text) => `console error: ${text}`));
        problems.push(...found.map((problem) => `${device} ${url}: ${problem}`));
        if (device === 'phone' && url === urls[0]) {
          // The folded menu too: navigation, languages and account, opened as a thumb would.
          await devicePage.getByTestId('menu-button').click();
          const inMenu = await auditPage(devicePage, { phone: true, menuOpen: true }).catch((error) => [`could not be audited: ${error.message.split('\n')[0]}`]);
          problems.push(...inMenu.map((problem) => `${device} ${url} (menu open): ${problem}`));
        }
      }
    }
  } finally {
    await phoneContext.close();
  }
  if (problems.length > 0) throw new Error(`${role}: ${problems.length} problem(s)\n${problems.join('\n')}`);
}

export const contextOptions = Object.fromEntries(
  ['anonymous', ...Object.keys(LOGINS)].map((role) => [`every page passes axe, titles its tab and fits a phone: ${role}`, DESKTOP]),
);

export const journeys = Object.fromEntries(
  ['anonymous', ...Object.keys(LOGINS)].map((role) => [`every page passes axe, titles its tab and fits a phone: ${role}`, (context) => auditRole(role, context)]),
);
