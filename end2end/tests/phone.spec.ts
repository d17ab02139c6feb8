// Issue 12 point 6: smaller things seen on a phone (390×844) and a tablet (1280×800).
// a. /me fits a phone: no sideways scrolling, the email unbroken, the page short, each
//    action opening on demand. b. The guardian's confirmation is a whole-row target.
// c. Recent scans in local time. d. A one-line header with a menu on a phone.
// e. Lanyard's own sentence for a malformed email at the kiosk, in both languages.
// f. The private code on one line on a tablet. g. The whole SHA-256 of the notice.
import { test, expect, type APIRequestContext, type Browser, type Locator, type Page } from './fixtures';
import { NAME_FIELDS, createEvent, demoLogin, hydrated, kiosk, minorGreenToGuardian, noticeVersion, organiser, signIn, throughNotice } from './helpers';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1280, height: 800 };

const rule = (enabled: boolean, required = false) => ({ enabled, required });
const NAME_AND_EMAIL = {
  languages: ['en', 'lv'],
  fields: {
    first_name: rule(true, true),
    last_name: rule(false),
    organisation: rule(false),
    role_title: rule(false),
    email: rule(true),
    phone: rule(false),
  },
};

/** Registers someone on the organiser's side; returns their id, private code and the notice's SHA-256. */
async function register(req: APIRequestContext, eventId: string, fields: object, opts: { minor?: boolean; choice?: 'green' | 'red' } = {}) {
  const reg = await req.post('/api/attendees/register', {
    data: {
      event_id: eventId,
      registration: {
        fields,
        is_minor: !!opts.minor,
        consent: { choice: opts.choice ?? 'green', notice: await noticeVersion(req, eventId) },
      },
    },
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const code = (await reg.json()).private_code as string;
  const first = (fields as any).first_name as string;
  const list = await (await req.post('/api/attendees/list', { data: { event_id: eventId, filter: { q: first } } })).json();
  const id = list.rows[0].id as number;
  const detail = await (await req.post('/api/attendees/detail', { data: { event_id: eventId, attendee_id: id } })).json();
  return { id, code, sha: detail.history[0].notice_sha256 as string, badge: new URL(detail.badge_path, 'http://x').pathname };
}

/** /me in a fresh phone-sized context, opened with `code`. */
async function meOnPhone(browser: Browser, code: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US', viewport: PHONE });
  const me = await ctx.newPage();
  await me.goto('/me');
  await hydrated(me);
  await me.getByLabel('Your private code').fill(code);
  await me.getByRole('button', { name: 'Show my data' }).click();
  await expect(me.getByRole('heading', { name: 'Your photo choice', exact: true })).toBeVisible();
  return me;
}

async function noSidewaysScroll(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, 'the page is no wider than the screen').toBeLessThanOrEqual(inner);
}

/** How many lines an element's text takes. */
async function lines(el: Locator): Promise<number> {
  return el.evaluate((e) => {
    const lh = parseFloat(getComputedStyle(e).lineHeight);
    return Math.round(e.getBoundingClientRect().height / lh);
  });
}

test('a. /me on a phone: no sideways scrolling, the email on one line, a short page, each action opens on demand and works', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Phone day', NAME_AND_EMAIL);
  const email = 'ilze.ozolina@example.lv';
  const person = await register(org.request, eventId, { first_name: 'Ilze', email });
  const me = await meOnPhone(browser, person.code);

  // The photo choice leads; everything else waits behind buttons.
  await expect(me.getByRole('button', { name: 'Switch to no photos (red)' })).toBeVisible();
  const height = await me.evaluate(() => document.documentElement.scrollHeight);
  expect(height, 'the page height on a phone').toBeLessThan(2000);
  await noSidewaysScroll(me);

  const actions = [
    ['See or correct your details', 'me-details'],
    ['Download your data', 'me-export'],
    ['Remove photos of you', 'me-removal'],
    ['Erase your whole record', 'me-erasure'],
    ['Object to processing', 'me-objection'],
    ['Restrict processing', 'me-restriction'],
  ];
  for (const [name, panel] of actions) {
    const button = me.getByRole('button', { name, exact: true });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAttribute('aria-controls', panel);
    await expect(me.locator(`#${panel}`)).toBeHidden();
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  }
  for (const [name, panel] of actions) {
    await me.getByRole('button', { name, exact: true }).click();
    await expect(me.getByRole('button', { name, exact: true })).toHaveAttribute('aria-expanded', 'true');
    await expect(me.locator(`#${panel}`)).toBeVisible();
  }
  // Everything open: still nothing wider than the screen, and the email is not broken.
  await noSidewaysScroll(me);
  const shown = me.getByText(email, { exact: true });
  await expect(shown).toBeVisible();
  expect(await lines(shown), 'the email takes one line').toBe(1);

  // Correct: a malformed email is refused in words, a good one is saved.
  await me.getByRole('button', { name: 'Edit Email' }).click();
  const edit = me.locator('#me-edit-email');
  await edit.fill('ilze@example');
  await me.getByRole('button', { name: 'Save Email' }).click();
  await expect(me.getByRole('alert')).toHaveText('Please check the email address: it should look like name@example.com.');
  await edit.fill('ilze@example.lv');
  await me.getByRole('button', { name: 'Save Email' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Saved: Email.' })).toBeVisible();
  await expect(me.getByText('ilze@example.lv', { exact: true })).toBeVisible();

  // Download.
  const download = me.waitForEvent('download');
  await me.getByRole('button', { name: 'Download my data (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);

  // Object and restrict: each opens a request, listed with its due date.
  await me.getByLabel('Why you object (optional)').fill('Please do not publish photos of me.');
  await me.getByRole('button', { name: 'Send my objection' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Your request is received (Objection to processing)' })).toBeVisible();
  await me.getByRole('button', { name: 'Request restriction' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Your request is received (Restriction of processing)' })).toBeVisible();
  const requests = me.getByRole('region', { name: 'Your requests' });
  await expect(requests.getByRole('listitem')).toHaveCount(2);
  await expect(requests).toContainText('Objection to processing');

  // Removal of all photos; erasure asks first and can be called off.
  await me.getByRole('button', { name: 'Request removal' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Your request is received (Remove photos)' })).toBeVisible();
  await me.getByRole('button', { name: 'Erase my whole record' }).click();
  await expect(me.getByText('Are you sure? Erasing your record cannot be undone.')).toBeVisible();
  await me.getByRole('button', { name: 'No, keep my record' }).click();
  await expect(me.getByText('Are you sure?')).toHaveCount(0);

  // Closing a part hides it again.
  await me.getByRole('button', { name: 'Remove photos of you', exact: true }).click();
  await expect(me.locator('#me-removal')).toBeHidden();
  await noSidewaysScroll(me);
  await me.context().close();
  await org.context().close();
});

/** The guardian's confirmation: the row is a 48px target, the box is not squeezed, the text ticks it. */
async function guardianRow(page: Page) {
  const box = page.getByRole('checkbox', { name: 'I am the parent or guardian of this attendee and I agree to photos' });
  await expect(box).toBeVisible();
  const label = box.locator('xpath=ancestor::label[1]');
  const row = (await label.boundingBox())!;
  expect(row.height, 'the label row').toBeGreaterThanOrEqual(48);
  const tick = (await box.boundingBox())!;
  expect(tick.width, 'the checkbox width').toBeGreaterThanOrEqual(28);
  expect(tick.height, 'the checkbox height').toBeGreaterThanOrEqual(28);
  await expect(box).not.toBeChecked();
  await label.getByText('I am the parent or guardian').click();
  await expect(box).toBeChecked();
  await label.getByText('I am the parent or guardian').click();
  await expect(box).not.toBeChecked();
}

test('b. on a phone the guardian confirmation row is a whole 48px target, at the kiosk and on /me', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Youth phone day', NAME_FIELDS);
  const page = await kiosk(browser, org, eventId);
  await page.setViewportSize(PHONE);
  await throughNotice(page);
  await page.getByLabel('First name').fill('Toms');
  await page.getByRole('button', { name: 'Continue' }).click();
  await minorGreenToGuardian(page);
  await guardianRow(page);
  await page.context().close();

  const minor = await register(org.request, eventId, { first_name: 'Elza' }, { minor: true, choice: 'red' });
  const me = await meOnPhone(browser, minor.code);
  await guardianRow(me);
  await me.context().close();
  await org.context().close();
});

test('c. the scanner lists recent scans in local time as hours:minutes:seconds', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Local time scanning', NAME_FIELDS);
  const person = await register(org.request, eventId, { first_name: 'Pauls' });

  const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Riga' });
  const scanner = await ctx.newPage();
  const { email, password } = demoLogin();
  await signIn(scanner, email, password);
  await expect(scanner).toHaveURL(/\/dashboard$/);
  await scanner.goto('/scan');
  await hydrated(scanner);
  await scanner.getByLabel('Event', { exact: true }).selectOption(eventId);
  const field = scanner.getByLabel('Badge code or link');
  await field.fill(new URL(person.badge, scanner.url()).toString());
  await field.press('Enter');
  await expect(scanner.locator('.scan-verdict')).toHaveClass(/verdict-green/);

  const recent = scanner.getByRole('region', { name: 'Your recent scans' });
  const first = recent.getByRole('listitem').first();
  await expect(first).toBeVisible();
  const time = first.locator('time');
  // Text and datetime read together: the list may re-render between two separate reads
  // (seen once in CI: the text of one scan, the datetime of the next).
  const [shown, at] = await time.evaluate((el) => [el.textContent ?? '', el.getAttribute('datetime') ?? '']);
  const text = shown.trim();
  expect(text).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  await expect(recent).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
  await expect(recent).not.toContainText(/\d{2}Z/);
  // The clock time in Riga of the scan the server recorded.
  const riga = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Riga',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
  expect(text).toBe(riga);
  await ctx.close();
  await org.context().close();
});

test('d. on a phone the header is one line with a menu button; the scanner comes first', async ({ browser }) => {
  const org = await organiser(browser);
  await createEvent(org.request, 'Menu day', NAME_FIELDS);
  await org.context().close();

  const ctx = await browser.newContext({ locale: 'en-US', viewport: PHONE });
  const page = await ctx.newPage();
  const { email, password } = demoLogin();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/scan');
  await hydrated(page);
  await expect(page.getByLabel('Event', { exact: true })).toBeVisible();
  await expect(page.getByText('Starting camera…')).toHaveCount(0);

  const header = page.getByRole('banner');
  expect((await header.boundingBox())!.height, 'the header height').toBeLessThanOrEqual(64);
  const code = (await page.getByLabel('Badge code or link').boundingBox())!;
  expect(code.y, 'the code field starts in the first 40% of the screen').toBeLessThanOrEqual(PHONE.height * 0.4);

  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toHaveAttribute('aria-controls', 'topbar-menu');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(48);

  // Keyboard: Enter opens, Escape closes and gives the focus back.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Scan badges' })).toBeVisible();
  const lang = page.getByRole('group', { name: 'Language' });
  await expect(lang.getByRole('button', { name: 'Latviešu' })).toBeVisible();
  await expect(lang.getByRole('button', { name: 'English' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();

  // The language switch works from the menu.
  await menu.click();
  await lang.getByRole('button', { name: 'Latviešu' }).click();
  await expect(page.getByRole('heading', { name: 'Skenēt nozīmītes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Izvēlne' })).toBeVisible();
  await page.getByRole('group', { name: 'Valoda' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Scan badges' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  // On a wide screen the bar is as before: no menu button, everything in view.
  await page.setViewportSize(TABLET);
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.setViewportSize(PHONE);

  // Sign out from the menu.
  await menu.click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await ctx.close();
});

test('e. a malformed email at the kiosk gets Lanyard\'s own sentence, in English and in Latvian', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Email check day', { ...NAME_AND_EMAIL, allow_email_lookup: true });
  const page = await kiosk(browser, org, eventId);
  await throughNotice(page);
  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
  await page.getByLabel('First name').fill('Anna');
  await page.getByLabel('Email').fill('anna@example');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please check the email address: it should look like name@example.com.');
  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();

  // In Latvian.
  await page.getByRole('button', { name: 'Latviešu' }).click();
  await expect(page.getByRole('heading', { name: 'Jūsu dati' })).toBeVisible();
  await page.getByLabel('E-pasts').fill('anna example.lv');
  await page.getByRole('button', { name: 'Turpināt' }).click();
  await expect(page.getByRole('alert')).toHaveText('Lūdzu, pārbaudiet e-pasta adresi. Tai jāizskatās, piemēram, šādi: vards@piemers.lv.');
  // A good address goes on.
  await page.getByLabel('E-pasts').fill('anna@example.lv');
  await page.getByRole('button', { name: 'Turpināt' }).click();
  await expect(page.getByRole('heading', { name: 'Vai jums ir mazāk nekā 18 gadu?' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'English' }).click();
  await page.context().close();

  // The check-in by email says the same.
  const again = await kiosk(browser, org, eventId);
  await again.getByRole('button', { name: 'I registered in advance' }).click();
  await again.getByLabel('Or your email address').fill('anna@');
  await again.getByRole('button', { name: 'Find me' }).click();
  await expect(again.getByRole('alert')).toHaveText('Please check the email address: it should look like name@example.com.');
  await again.context().close();
  await org.context().close();
});

test('f. on a 1280px tablet the private code after registration is on one line; narrower it breaks between groups only', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Code line day', { languages: ['en'] });
  const page = await kiosk(browser, org, eventId);
  await page.setViewportSize(TABLET);
  await throughNotice(page);
  await page.getByRole('radio', { name: 'No, I am 18 or older' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Photos OK' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  const code = page.locator('.private-code .code');
  await expect(code).toBeVisible();
  expect((await code.textContent())!.trim()).toMatch(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/);
  expect(await lines(code), 'the code takes one line on a tablet').toBe(1);

  // On a phone: every group whole, the lines about even.
  await page.setViewportSize(PHONE);
  const groups = await code.evaluate((e) =>
    Array.from(e.querySelectorAll('.code-group')).map((g) => ({
      top: (g as HTMLElement).offsetTop,
      rects: g.getClientRects().length,
    })),
  );
  expect(groups).toHaveLength(7);
  for (const g of groups) expect(g.rects, 'a group is never split').toBe(1);
  const perLine = new Map<number, number>();
  for (const g of groups) perLine.set(g.top, (perLine.get(g.top) ?? 0) + 1);
  const counts = [...perLine.values()];
  expect(Math.max(...counts) - Math.min(...counts), `groups per line: ${counts}`).toBeLessThanOrEqual(1);
  await page.context().close();
  await org.context().close();
});

test('g. the consent history shows the whole SHA-256 of the notice, on the attendee page and on /me', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Proof day', NAME_FIELDS);
  const person = await register(org.request, eventId, { first_name: 'Juris' });
  expect(person.sha).toMatch(/^[0-9a-f]{64}$/);

  await org.goto(`/dashboard/events/${eventId}/attendees/${person.id}`);
  await hydrated(org);
  await expect(org.getByText(person.sha)).toBeVisible();

  const me = await meOnPhone(browser, person.code);
  await me.getByRole('button', { name: 'History of your photo choices' }).click();
  const sha = me.getByText(person.sha);
  await expect(sha).toBeVisible();
  expect(await sha.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(/mono/);
  await noSidewaysScroll(me);
  await me.context().close();
  await org.context().close();
});
