import { readFileSync } from 'node:fs';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export function demoLogin(): { email: string; password: string; dataDir: string; admin: { email: string; password: string } } {
  return JSON.parse(readFileSync('.run/demo.json', 'utf8'));
}

/** Waits until the wasm has hydrated the page (the client sets data-hydrated). */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** An organiser session in its own browser context. */
export async function organiser(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const page = await ctx.newPage();
  const { email, password } = demoLogin();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** Event settings asking only for a first name (English and Latvian). */
export const NAME_FIELDS = {
  languages: ['en', 'lv'],
  fields: {
    first_name: { enabled: true, required: false },
    last_name: { enabled: false, required: false },
    organisation: { enabled: false, required: false },
    role_title: { enabled: false, required: false },
    email: { enabled: false, required: false },
    phone: { enabled: false, required: false },
  },
};

/** The demo organiser signed in, in a fresh context of `browser` (e.g. one with a fake camera). */
export async function demoOrganiserIn(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US', baseURL });
  const page = await ctx.newPage();
  const { email, password } = demoLogin();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

export async function createEvent(req: APIRequestContext, name: string, settings?: object, endsOn = '2099-12-31'): Promise<string> {
  const created = await req.post('/api/events/create', {
    form: { name, starts_on: '', ends_on: endsOn, venue: '', default_lang: 'en' },
  });
  expect(created.status()).toBe(200);
  const event = await created.json();
  if (settings) {
    const saved = await req.post('/api/events/settings/save', { data: { event_id: event.id, settings } });
    expect(saved.status(), await saved.text()).toBe(200);
  }
  return event.id;
}

/** The current notice version (`{ id, sha256 }`) of `eventId` in `lang`, as the organiser's
 * forms show it and send it back with a decision (issue 14 point 4). */
export async function noticeVersion(req: APIRequestContext, eventId: string, lang = 'en') {
  const view = await (await req.post('/api/events/settings', { data: { event_id: eventId } })).json();
  return (view.notices.find((n: any) => n.lang === lang) ?? view.notices[0]).version as { id: number; sha256: string };
}

/** The notice version a paired kiosk (`req` is its context's) shows in `lang`. */
export async function kioskNoticeVersion(req: APIRequestContext, lang = 'en') {
  const ev = await (await req.post('/api/kiosk/event', { form: {} })).json();
  return (ev.notices.find((n: any) => n.lang === lang) ?? ev.notices[0]).version as { id: number; sha256: string };
}

/** A tablet paired with `eventId`, with the print dialog replaced by a counter. */
export async function kiosk(browser: Browser, org: Page, eventId: string, fakeClock = false): Promise<Page> {
  const code = await (await org.request.post('/api/kiosk/pairing-code', { form: { event_id: eventId } })).json();
  const ctx = await browser.newContext({ locale: 'en-US' });
  await ctx.addInitScript(() => {
    (window as any).__prints = 0;
    window.print = () => {
      (window as any).__prints++;
    };
  });
  const page = await ctx.newPage();
  // The clock must be in place before the page's timers start.
  if (fakeClock) await page.clock.install();
  await page.goto('/kiosk');
  await hydrated(page);
  await page.getByLabel('Pairing code').fill(code.code);
  await page.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  return page;
}

export async function throughNotice(page: Page) {
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Before you register' })).toBeVisible();
  await expect(page.getByText(/^Controller:/)).toBeVisible();
  await expect(page.getByText(/^Your rights:/)).toBeVisible();
  await page.getByRole('button', { name: 'I have read this – continue' }).click();
}

/** Every button, link button, field, select and table link on the page is at least 48px tall
 * (a radio button by its label). */
export async function expectTouchTargets(page: Page) {
  const targets = page.locator(
    'main button, main a.button, main input:not([type=checkbox]), main select, main td a, main summary',
  );
  const n = await targets.count();
  expect(n).toBeGreaterThan(2);
  for (let i = 0; i < n; i++) {
    const t = targets.nth(i);
    if (!(await t.isVisible())) continue;
    // A radio button's target is its whole label (clicking the label chooses it).
    const label = t.locator('xpath=ancestor::label[1]');
    const isRadio = (await t.getAttribute('type')) === 'radio';
    const box = isRadio && (await label.count()) > 0 ? await label.boundingBox() : await t.boundingBox();
    if (box) expect(box.height, `${await t.evaluate((e) => e.outerHTML.slice(0, 80))}`).toBeGreaterThanOrEqual(48);
  }
}

/** At the kiosk's age question: a minor who chooses green, up to the guardian's step. */
export async function minorGreenToGuardian(page: Page) {
  await page.getByRole('radio', { name: 'Yes, I am under 18' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Photos OK' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'A parent or guardian must agree' })).toBeVisible();
}

/** The page size of the first page of a PDF, in points, read from its MediaBox. */
export function mediaBox(pdf: Buffer): [number, number] {
  const m = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  expect(m, 'the PDF has a MediaBox').not.toBeNull();
  return [parseFloat(m![1]), parseFloat(m![2])];
}

/** The number of pages of a PDF (its `/Type /Page` objects). */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Prints `page` to PDF as Chromium's print dialog would with the page's own `@page`
 * size, and expects exactly one page of `w` × `h` points (within 0.5 mm). Returns the PDF. */
export async function expectOnePdfPage(page: Page, what: string, w: number, h: number): Promise<Buffer> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pageCount(pdf), `${what}: pages`).toBe(1);
  const [pw, ph] = mediaBox(pdf);
  const halfMm = (0.5 * 72) / 25.4;
  expect(Math.abs(pw - w), `${what}: width ${pw} vs ${w}`).toBeLessThan(halfMm);
  expect(Math.abs(ph - h), `${what}: height ${ph} vs ${h}`).toBeLessThan(halfMm);
  return pdf;
}

// The scanner tests (scan.spec.ts, offline.spec.ts).

/** Registers an attendee on behalf with `choice`; returns their badge URL. */
export async function badgeUrl(org: Page, eventId: string, first: string, choice: 'green' | 'red'): Promise<string> {
  const r = await org.request.post('/api/attendees/register', {
    data: {
      event_id: eventId,
      registration: { fields: { first_name: first }, consent: { choice, notice: await noticeVersion(org.request, eventId) } },
    },
  });
  expect(r.status(), await r.text()).toBe(200);
  const list = await (await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: { q: first } } })).json();
  const id = list.rows[0].id;
  const detail = await (await org.request.post('/api/attendees/detail', { data: { event_id: eventId, attendee_id: id } })).json();
  return new URL(detail.badge_path, org.url()).toString();
}

/** Types a badge URL into the scanner field and presses Enter, as a USB scanner does. */
export async function wedge(page: Page, url: string) {
  const field = page.getByLabel('Badge code or link');
  await field.fill(url);
  await field.press('Enter');
}

export async function scanLog(org: Page, eventId: string): Promise<any[]> {
  return (await org.request.post('/api/scan/event-log', { data: { event_id: eventId } })).json();
}
