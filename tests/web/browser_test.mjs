// The analyst's page in headless Chromium, as a person would use it:
// search "Poutine", open the Russia–Iran pair, open an event, check the
// highlighted evidence, the map and the network; then an article full of
// <script>, <img onerror> and javascript: links must run nothing.
//
//   node browser_test.mjs ENTENTE SOURCE_DIR ARTEFACT_DIR
// Exit 0 when every check passes, 1 otherwise, 77 (skip) when Chromium or
// playwright-core (web/node_modules, `npm ci`) is missing. Screenshots go to
// ARTEFACT_DIR.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const [entente, source, out] = process.argv.slice(2);
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromiumPath) { console.log('SKIP: no chromium (apt-get install chromium)'); process.exit(77); }
let chromium;
try {
  const require = createRequire(resolve(source, 'web', 'package.json'));
  ({ chromium } = require('playwright-core'));
} catch (e) {
  console.log('SKIP: playwright-core missing (run npm ci in web/)');
  process.exit(77);
}
mkdirSync(out, { recursive: true });

let failures = 0, passed = 0;
function check(cond, what) {
  if (cond) { passed++; return; }
  failures++;
  console.log(`FAIL: ${what}`);
}

function makeStore(db, extra) {
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const files = (dir, re) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => join(dir, f)) : []);
  const inputs = [...files(join(source, 'examples'), /\.(txt|jsonl)$/), ...files(join(source, 'examples', 'html'), /\.html$/),
    ...files(join(source, 'tests', 'web', 'fixtures'), /\.txt$/), ...extra];
  const r = spawnSync(entente, ['ingest', '--db', db, ...inputs], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`ingest failed: ${r.stderr}`);
}

async function serve(db) {
  const proc = spawn(entente, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout });
    rl.once('line', resolve);
    proc.once('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
  const base = line.split(' on ')[1].split(/\s/)[0].replace(/\/$/, '');
  return { proc, base };
}

const db = join(out, 'browser.db');
makeStore(db, [join(source, 'tests', 'web', 'xss.jsonl')]);
const { proc, base } = await serve(db);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const dialogs = [];
  const pageErrors = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const shot = (name) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });

  // 1. The page loads with data.
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  await page.waitForSelector('#map svg path.land', { timeout: 20000 });
  check(await page.locator('#list tbody tr').count() > 10, 'the event list shows the demo events');
  await shot('01-home');

  // 2. Search "Poutine": Vladimir Putin is suggested.
  await page.fill('#search', 'Poutine');
  const sugg = page.locator('#suggestions button[data-kind="actor"]', { hasText: 'Vladimir Putin' });
  await sugg.first().waitFor({ timeout: 10000 });
  await shot('02-search');
  await sugg.first().click();
  await page.waitForSelector('#actor h3', { timeout: 10000 });
  check((await page.textContent('#actor h3')) === 'Vladimir Putin', 'the actor card is Putin');
  check(page.url().includes('actor=Vladimir+Putin'), `the URL carries the actor: ${page.url()}`);
  await shot('03-actor');

  // 3. The Russia–Iran pair, from the actor's partners.
  await page.click('#actor button[data-pair="RUS,IRN"]');
  await page.waitForSelector('#pair svg rect.bar', { timeout: 10000 });
  check(page.url().includes('pair=RUS%2CIRN'), `the URL carries the pair: ${page.url()}`);
  check(await page.locator('#pair svg rect.bar').count() >= 1, 'the monthly chart has bars');
  check(await page.locator('#pair svg polyline.gold').count() === 1, 'the monthly chart has the Goldstein line');
  await page.waitForFunction(() => !document.querySelector('#list').classList.contains('loading'));
  const rows = page.locator('#list tbody tr');
  check(await rows.count() >= 1, 'the pair has events');
  // Map and network of the selection.
  check(await page.locator('#map svg path.land').count() > 100, 'the map draws the countries');
  check(await page.locator('#map svg circle.place').count() >= 1, 'the map marks event places');
  check(await page.locator('#network svg g.node').count() >= 2, 'the network has actors');
  check(await page.locator('#network svg line.edge').count() >= 1, 'the network has links');
  check(await page.locator('#timeline svg circle.dot').count() >= 1, 'the timeline has events');
  await shot('04-pair');

  // 4. An event: the Moscow meeting of the fixture article.
  const meeting = rows.filter({ hasText: 'Moscow' }).first();
  await meeting.click();
  await page.waitForSelector('#event .sentence mark', { timeout: 10000 });
  check(/event=ev-/.test(page.url()), 'the URL carries the event');
  const marks = await page.$$eval('#event .sentence mark', (ms) => ms.map((m) => [m.className, m.textContent]));
  const has = (cls, re) => marks.some(([c, t]) => c === cls && re.test(t));
  check(has('hl-actor', /Poutine/), `the actor phrase is highlighted: ${JSON.stringify(marks)}`);
  check(has('hl-actor', /Raïssi/), 'the other actor (with a non-ASCII letter) is highlighted exactly');
  check(has('hl-date', /^jeudi$/), 'the date phrase is highlighted');
  check(has('hl-place', /Moscou/), 'the place phrase is highlighted');
  const sentence = await page.textContent('#event .sentence');
  check(sentence.includes('Le président russe Vladimir Poutine a reçu jeudi à Moscou'), `the sentence is whole: ${sentence}`);
  check((await page.textContent('#event')).includes('Fixture Presse'), 'the outlet is shown');
  await shot('05-event');

  // 5. A shared URL restores the view.
  const shared = page.url();
  const page2 = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page2.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page2.goto(shared);
  await page2.waitForSelector('#event .sentence mark', { timeout: 10000 });
  check(await page2.locator('#pair svg rect.bar').count() >= 1, 'the shared URL shows the pair chart');
  await page2.close();

  // 6. Empty state.
  await page.goto(base + '/?pair=FRA,BRA&from=1990&to=1991');
  await page.waitForSelector('body[data-ready="1"]');
  check((await page.textContent('#list')).includes('No events match'), 'an empty selection says so');
  await shot('06-empty');

  // 7. XSS: the hostile article's title, outlet, body and link are text.
  await page.goto(base + '/?place=Tehran');
  await page.waitForSelector('body[data-ready="1"]');
  await page.waitForSelector('#docs li');
  const hostile = page.locator('#list tbody tr').first();
  await hostile.click();
  await page.waitForSelector('#event .sentence', { timeout: 10000 });
  await page.waitForTimeout(500);
  await shot('07-xss');
  const docsText = await page.textContent('#docs');
  check(docsText.includes('<script>window.__pwned=1;alert(1)</script>'), 'the hostile title shows as text');
  const eventText = await page.textContent('#event');
  check(eventText.includes('<img src=x onerror='), 'the hostile sentence shows as text');
  check(await page.evaluate(() => window.__pwned === undefined), 'no hostile script ran');
  check(await page.locator('#docs img, #event img, #event script, #docs script, #event b').count() === 0, 'no hostile element in the page');
  check(await page.locator('a[href^="javascript:"]').count() === 0, 'no javascript: link in the page');
  check(dialogs.length === 0, `no dialog opened: ${dialogs}`);
  check(pageErrors.length === 0, `no script error: ${pageErrors}`);
} catch (e) {
  failures++;
  console.log(`FAIL: ${e.stack || e}`);
} finally {
  await browser.close();
  proc.kill('SIGTERM');
}
console.log(`${passed} passed, ${failures} failed (screenshots in ${out})`);
process.exit(failures ? 1 : 0);
