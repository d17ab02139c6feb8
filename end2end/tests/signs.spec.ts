// Issue 15 points 5 and 6 in the browser (requirement 21; seed 000: a visible sign at the
// entrance and in invitations). The public privacy page opens with no session in both
// languages; every venue sign prints as exactly one page of its paper, and the QR code
// read back from the printed PDF opens that privacy page.
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { createEvent, expectOnePdfPage, hydrated, organiser } from './helpers';

const rule = (enabled: boolean) => ({ enabled, required: false });
const mm = (v: number) => (v * 72) / 25.4;

const SETTINGS = {
  languages: ['lv', 'en'],
  controller_name: 'Signs Test Foundation',
  controller_email: 'privacy@signs.example.lv',
  purposes: [{ purpose: 'Reporting on the conference', legal_basis: 'Consent' }],
  retention_days: 200,
  photo_retention_days: 100,
  fields: { first_name: rule(true), last_name: rule(false), organisation: rule(false), role_title: rule(false), email: rule(false), phone: rule(false) },
};

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: serious or critical axe violations`).toEqual([]);
}

/** The QR codes on the first page of `pdf` (rendered at 150 dpi by pdftoppm), one per
 * horizontal band: the page whole, or its top and bottom halves (the folded table tent
 * carries one code on each side, the top one upside down). */
function qrsInPdf(pdf: Buffer, bands: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'lanyard-sign-'));
  try {
    writeFileSync(join(dir, 'sign.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'sign.pdf'), join(dir, 'page')]);
    const file = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(file, 'pdftoppm rendered the page').toBeTruthy();
    const page = PNG.sync.read(readFileSync(join(dir, file!)));
    const out: string[] = [];
    const h = Math.floor(page.height / bands);
    for (let b = 0; b < bands; b++) {
      const band = new PNG({ width: page.width, height: h });
      PNG.bitblt(page, band, 0, b * h, page.width, h, 0, 0);
      const code = jsQR(new Uint8ClampedArray(band.data), band.width, band.height);
      expect(code, `a QR code is readable in band ${b + 1} of ${bands} of the printed sign`).not.toBeNull();
      out.push(code!.data);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the public privacy page opens without a session, in Latvian and in English', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Privacy page event', SETTINGS);
  await org.context().close();

  const ctx = await browser.newContext({ locale: 'en-US' });
  const page = await ctx.newPage();
  const res = await page.goto(`/e/${eventId}/privacy`);
  expect(res!.status()).toBe(200);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy at Privacy page event');
  await expect(page.getByText('Green badge: this person may be photographed and filmed.')).toBeVisible();
  await expect(page.getByText('Red badge: do not photograph or film this person.')).toBeVisible();
  await expect(page.getByText('Signs Test Foundation').first()).toBeVisible();
  await expect(page.getByText(/Reporting on the conference/).first()).toBeVisible();
  await expect(page.getByText(/200 days after the event ends/).first()).toBeVisible();
  await expect(page.getByText('Photos: 100 days after the event ends.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open My data' })).toHaveAttribute('href', /\/me$/);
  // No one's personal data, and no staff navigation, on a public page.
  await expect(page.getByRole('link', { name: 'Events' })).toHaveCount(0);
  await expectAccessible(page, 'privacy page (en)');

  await page.getByRole('button', { name: 'Latviešu' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lv');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Privacy page event');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Privacy at Privacy page event');
  await expectAccessible(page, 'privacy page (lv)');
  await page.getByRole('button', { name: 'English' }).click();

  // An id that is no event's gives a 404 page, not an empty privacy page.
  const missing = await page.goto('/e/AAAAAAAAAAAAAAAAAAAAAA/privacy');
  expect(missing!.status()).toBe(404);
  await ctx.close();
});

test('every venue sign prints as one page of its paper, and its QR code opens the privacy page', async ({ browser }) => {
  test.setTimeout(90_000);
  const org = await organiser(browser);
  await org.addInitScript(() => {
    window.print = () => {};
  });
  const eventId = await createEvent(org.request, 'Signs event', SETTINGS);
  await org.goto(`/dashboard/events/${eventId}`);
  await hydrated(org);
  await org.getByRole('link', { name: 'Print signs' }).click();
  await expect(org.getByRole('heading', { level: 1 })).toHaveText('Venue signs: Signs event');
  await expectAccessible(org, 'signs page');

  const signs = [
    ['Entrance poster, A4', mm(210), mm(297), 1],
    ['Entrance poster, A3', mm(297), mm(420), 1],
    ['No-photo zone, A4', mm(210), mm(297), 1],
    ['Table tent, A5 landscape', mm(210), mm(148), 2],
  ] as const;
  let privacyUrl = '';
  for (const [name, w, h, bands] of signs) {
    await org.getByRole('link', { name }).click();
    await expect(org.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    await expect(org.getByRole('heading', { name: `Preview: ${name}` })).toBeVisible();
    // The text fits: no part of the sign is cut off at the paper's edge.
    await expect(org.getByRole('alert')).toHaveCount(0);
    const pdf = await expectOnePdfPage(org, name, w, h);
    for (const url of qrsInPdf(pdf, bands)) {
      expect(url, `${name}: the QR holds the privacy page's address`).toMatch(new RegExp(`/e/${eventId}/privacy$`));
      privacyUrl = url;
    }
  }
  await org.getByRole('button', { name: 'Print' }).click();

  // The address in the QR code opens the public privacy page for someone with no session.
  const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const res = await visitor.goto(privacyUrl);
  expect(res!.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Privacy at Signs event');
  await visitor.context().close();
  await org.context().close();
});
