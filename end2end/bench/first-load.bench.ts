// Issue 19, point 1: the bytes on the wire of a cold first load of each main route (HTML,
// JS, wasm, CSS, fonts, icons, server-function calls made while the page comes up), with
// gzip (what Chromium asks for over plain HTTP) and with brotli (over HTTPS), and of a
// repeat visit with the HTTP cache warm. A benchmark, not a test: it prints a table.
//
// Counted from the page's own requests through the DevTools protocol (`encodedDataLength`:
// headers + body as received). The service worker's own fetches (it stores the shells for
// offline use after the page is up) are not counted: they are not part of the first load.
import { test, expect, type Browser, type BrowserContext } from '@playwright/test';
import { createEvent, hydrated, kiosk, organiser } from '../tests/helpers';

type Row = { route: string; who: string; encoding: string; cold: number; repeat: number; wasm: number; requests: number };

/** Loads `path` in `ctx` with `encoding`, returns the bytes received and how many were wasm. */
async function load(ctx: BrowserContext, path: string, encoding: string) {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
  const urls = new Map<string, string>();
  let bytes = 0;
  let wasm = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', (e: any) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e: any) => {
    requests++;
    bytes += e.encodedDataLength;
    if ((urls.get(e.requestId) ?? '').endsWith('.wasm')) wasm += e.encodedDataLength;
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await hydrated(page);
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  await page.close();
  return { bytes, wasm, requests };
}

/** A fresh context (empty HTTP cache) with the cookies of `state` (a session or a pairing). */
async function fresh(browser: Browser, state: Awaited<ReturnType<BrowserContext['storageState']>> | undefined) {
  return browser.newContext({ locale: 'en-US', storageState: state, serviceWorkers: 'block' });
}

test('cold first load of each main route, bytes on the wire', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, `First load ${Date.now()}`);
  const tablet = await kiosk(browser, org, eventId);
  const who = {
    kiosk: await tablet.context().storageState(),
    organiser: await org.context().storageState(),
  };
  const routes: [string, string, keyof typeof who | undefined][] = [
    ['/kiosk', 'paired tablet', 'kiosk'],
    ['/scan', 'photographer (organiser)', 'organiser'],
    ['/login', 'nobody', undefined],
    ['/dashboard', 'organiser', 'organiser'],
  ];
  const rows: Row[] = [];
  for (const [route, label, state] of routes) {
    for (const encoding of ['gzip, deflate', 'br, gzip, deflate']) {
      const ctx = await fresh(browser, state ? who[state] : undefined);
      const cold = await load(ctx, route, encoding);
      const repeat = await load(ctx, route, encoding);
      await ctx.close();
      expect(cold.bytes).toBeGreaterThan(0);
      rows.push({ route, who: label, encoding: encoding.startsWith('br') ? 'brotli' : 'gzip', cold: cold.bytes, repeat: repeat.bytes, wasm: cold.wasm, requests: cold.requests });
      expect(repeat.wasm, `${route}: a repeat visit downloads the wasm again`).toBe(0);
    }
  }
  const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
  const lines = [
    '| route | as | encoding | cold first load | of which wasm | requests | repeat visit |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.route}\` | ${r.who} | ${r.encoding} | **${kb(r.cold)}** | ${kb(r.wasm)} | ${r.requests} | ${kb(r.repeat)} |`),
  ];
  console.log(lines.join('\n'));
  test.info().annotations.push({ type: 'result', description: lines.join('\n') });
  await tablet.context().close();
  await org.context().close();
});
