// Runs every journey in ./journeys against one app instance; prints "N passed, N failed".
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, startApp } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(here, '../../test-results');
const only = process.argv[2];

const app = await startApp();
let browser;
let passed = 0;
let failed = 0;
try {
  browser = await launchBrowser();
  const files = readdirSync(path.join(here, 'journeys')).filter((f) => f.endsWith('.mjs') && (!only || f.includes(only))).sort();
  for (const file of files) {
    const journey = await import(pathToFileURL(path.join(here, 'journeys', file)).href);
    for (const [name, run] of Object.entries(journey.journeys)) {
      const context = await browser.newContext(journey.contextOptions?.[name] ?? {});
      const page = await context.newPage();
      page.setDefaultTimeout(30_000); // generous: CI machines have 2 cores shared with the server and the database
      const started = Date.now();
      try {
        await run({ page, context, baseUrl: app.baseUrl, databaseUrl: app.databaseUrl });
        passed++;
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        mkdirSync(resultsDir, { recursive: true });
        const shot = path.join(resultsDir, `${name.replace(/\W+/g, '-')}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
        console.log(`  ✗ ${name}\n    ${error instanceof Error ? error.message.split('\n').join('\n    ') : error}\n    screenshot: ${shot}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser?.close();
  await app.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
