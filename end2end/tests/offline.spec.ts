// Issue 18 point 6 (requirements 10, 22): a phone that loaded /scan once reloads it with
// no network and keeps scanning from its colour map, queueing the scans, which upload
// once when the network returns; a kiosk tablet reloaded offline says it has no
// connection and comes back by itself. The service worker keeps no personal data.
import { test, expect, type Page } from './fixtures';
import { badgeUrl, createEvent, demoLogin, hydrated, kiosk, NAME_FIELDS, organiser, scanLog, wedge } from './helpers';

/** Waits until the service worker controls the page and has stored `shell`. */
async function workerReady(page: Page, shell: string) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect.poll(() => page.evaluate(async (s) => !!(await caches.match(s)), shell)).toBe(true);
}

/** Every URL the page's caches hold, and every text body among them. */
async function cached(page: Page): Promise<{ urls: string[]; texts: string[] }> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    const texts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const u = new URL(req.url);
        urls.push(u.pathname + u.search);
        const res = await cache.match(req);
        const type = res?.headers.get('content-type') ?? '';
        if (res && !type.includes('wasm')) texts.push(await res.text());
      }
    }
    return { urls, texts };
  });
}

test('the scanner reloads offline, scans from its map, and the queue uploads once', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Offline reload', NAME_FIELDS);
  const a = await badgeUrl(org, eventId, 'Anniņa', 'green');
  const b = await badgeUrl(org, eventId, 'Bertolds', 'red');

  const scanner = await organiser(browser);
  await scanner.goto('/scan');
  await hydrated(scanner);
  await scanner.getByLabel('Event', { exact: true }).selectOption(eventId);
  await expect
    .poll(() => scanner.evaluate(() => localStorage.getItem('lanyard.scan.cache.v1') ?? ''))
    .toContain(new URL(a).pathname.slice(3));
  await workerReady(scanner, '/scan?offline-shell');

  // No network at all: the reload is answered by the worker's shell.
  await scanner.context().setOffline(true);
  const reload = await scanner.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  const html = await reload!.text();
  expect(html, 'the shell made without cookies, not a signed-in page').toContain('Please sign in first.');
  expect(html).not.toContain(demoLogin().email);
  await hydrated(scanner);
  await expect(scanner.getByRole('heading', { name: 'Scan badges' })).toBeVisible();
  await expect(scanner.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await expect(scanner.getByText('The list of events needs the network')).toBeVisible();
  await wedge(scanner, a);
  await expect(scanner.locator('.scan-verdict')).toHaveClass(/verdict-green/);
  await expect(scanner.getByRole('alert')).toHaveText(/PHOTOS OK/i);
  await wedge(scanner, b);
  await expect(scanner.locator('.scan-verdict')).toHaveClass(/verdict-red/);
  await expect(scanner.getByRole('status').filter({ hasText: 'Scans waiting to upload: 2' })).toBeVisible();
  expect(await scanLog(org, eventId)).toHaveLength(0);

  // The network returns: the queue uploads, once.
  await scanner.context().setOffline(false);
  await expect(scanner.getByRole('status').filter({ hasText: 'Scans waiting to upload: 0' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await scanLog(org, eventId)).length).toBe(2);
  await scanner.waitForTimeout(500);
  expect((await scanLog(org, eventId)).map((s) => s.name).sort()).toEqual(['Anniņa', 'Bertolds']);

  // What the worker keeps: the two shells, the build's files and the manifest. No page
  // a signed-in browser saw, no /me, no names, no badge codes, no account.
  await scanner.goto('/me');
  await scanner.goto('/scan');
  await hydrated(scanner);
  const { urls, texts } = await cached(scanner);
  expect(urls).toContain('/scan?offline-shell');
  expect(urls).toContain('/kiosk?offline-shell');
  expect(urls.some((u) => /^\/pkg\/lanyard\..+\.wasm$/.test(u))).toBe(true);
  for (const u of urls) {
    expect(u).toMatch(/^(\/scan\?offline-shell|\/kiosk\?offline-shell|\/manifest\.webmanifest|\/pkg\/[A-Za-z0-9._-]+)$/);
  }
  for (const t of texts) {
    for (const secret of ['Anniņa', 'Bertolds', demoLogin().email, new URL(a).pathname.slice(3), new URL(b).pathname.slice(3)]) {
      expect(t).not.toContain(secret);
    }
  }
  // The colour map itself carries tokens and colours only.
  const map = await scanner.evaluate(() => localStorage.getItem('lanyard.scan.cache.v1') ?? '');
  expect(map).not.toContain('Anniņa');
  await org.context().close();
  await scanner.context().close();
});

test('a kiosk reloaded offline says it has no connection, and registers again once it returns', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Offline kiosk', NAME_FIELDS);
  const page = await kiosk(browser, org, eventId);
  await workerReady(page, '/kiosk?offline-shell');

  await page.context().setOffline(true);
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'No connection to the server' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Registration continues by itself');
  // Not the pairing screen: the tablet is still paired.
  await expect(page.getByLabel('Pairing code')).toHaveCount(0);

  await page.context().setOffline(false);
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'No connection to the server' })).toHaveCount(0);
  await org.context().close();
  await page.context().close();
});
