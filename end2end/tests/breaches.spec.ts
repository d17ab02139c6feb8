// Issue 17 points 1-4 in the browser (requirement 20; seed 000: 72 h / 12 h; seed 002
// §5.1-5.3): an organiser records a high-risk breach of one event with two of its
// attendees; both clocks count down in the page and the people's turns overdue with
// the word and an icon; the dashboard shows the open clocks; the drafted texts carry
// GDPR Art. 33(3)'s items in English and Latvian; the contacts of the two people
// download as CSV; both notifications are recorded, the breach is closed, and the
// register's CSV and JSON exports list it. Also at 390 px wide, with axe.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { createEvent, expectTouchTargets, hydrated, noticeVersion, organiser } from './helpers';

const rule = { enabled: true, required: false };
const SETTINGS = {
  languages: ['en', 'lv'],
  fields: { first_name: rule, last_name: rule, email: rule },
  controller_name: 'Biedrība Piemērs',
  controller_email: 'info@piemers.lv',
  dpo_contact: 'dpo@piemers.lv',
};

/** Riga wall-clock time `msAgo` before now, as a datetime-local field takes it. */
function rigaLocal(msAgo: number): string {
  const s = new Date(Date.now() - msAgo).toLocaleString('sv-SE', { timeZone: 'Europe/Riga' });
  return s.replace(' ', 'T').slice(0, 16);
}

async function register(org: Page, eventId: string, first: string, last: string, email: string) {
  const r = await org.request.post('/api/attendees/register', {
    data: {
      event_id: eventId,
      registration: {
        fields: { first_name: first, last_name: last, email },
        consent: { choice: 'green', notice: await noticeVersion(org.request, eventId) },
      },
    },
  });
  expect(r.status(), await r.text()).toBe(200);
}

async function noSeriousAxe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: serious or critical axe violations`).toEqual([]);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<[string, string]> {
  const download = page.waitForEvent('download');
  await click();
  const d = await download;
  return [d.suggestedFilename(), readFileSync(await d.path()).toString('utf8')];
}

test('a high-risk breach: two attendees, clocks counting down, drafts, contacts, notifications, closing and the register export', async ({ browser }) => {
  test.setTimeout(90_000);
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Breach conference', SETTINGS);
  await register(org, eventId, 'Anna', 'Bērziņa', 'anna@example.lv');
  await register(org, eventId, 'Jānis', 'Ozols', 'janis@example.lv');
  await register(org, eventId, 'Third', 'Bystander', 'third@example.lv');

  // The page's clock is Playwright's, so the countdown can be moved on.
  await org.clock.install();
  await org.goto('/dashboard/breaches');
  await hydrated(org);
  await expect(org.getByText('No breaches recorded.')).toBeVisible();
  await org.getByRole('link', { name: 'Record a breach' }).click();
  await expect(org.getByRole('heading', { level: 1, name: 'Record a breach' })).toBeVisible();
  await hydrated(org);

  // Refused in words while the form is incomplete; nothing recorded.
  await org.getByRole('button', { name: 'Record the breach' }).click();
  await expect(org.getByRole('alert')).toHaveText('Enter the date and time as day, month, year, hours and minutes.');

  const discovered = rigaLocal(60 * 60 * 1000);
  await org.getByLabel('When was it discovered? (Riga time)').fill(discovered);
  await org.getByLabel('Who discovered it?').fill('Registration desk lead');
  await org.getByRole('checkbox', { name: /^Confidentiality/ }).check();
  await org.getByLabel('What happened?').fill('A printed attendee list was left on a table at the venue.');
  await org.getByRole('checkbox', { name: 'Breach conference' }).check();
  const people = org.getByRole('group', { name: 'People affected at Breach conference' });
  const search = people.getByLabel('Find attendees by name, organisation or email');
  await search.fill('Bērziņa');
  await people.getByRole('button', { name: 'Search' }).click();
  await people.getByRole('checkbox', { name: /Anna Bērziņa/ }).check();
  await search.fill('Ozols');
  await people.getByRole('button', { name: 'Search' }).click();
  await people.getByRole('checkbox', { name: /Jānis Ozols/ }).check();
  // One ticked by mistake is taken off in the list of those chosen so far.
  await search.fill('Bystander');
  await people.getByRole('button', { name: 'Search' }).click();
  await people.getByRole('checkbox', { name: /Third Bystander/ }).check();
  await expect(org.getByRole('group', { name: 'Chosen: 3' })).toBeVisible();
  await org.getByRole('group', { name: 'Chosen: 3' }).getByRole('checkbox', { name: 'Third Bystander (third@example.lv)' }).click();
  const chosen = org.getByRole('group', { name: 'Chosen: 2' });
  await expect(chosen.getByRole('checkbox')).toHaveCount(2);
  await expect(chosen.getByRole('checkbox', { name: 'Anna Bērziņa (anna@example.lv)' })).toBeChecked();
  await expect(people.getByRole('checkbox', { name: /Third Bystander/ })).not.toBeChecked();
  // The categories offered are the event's fields and what every event holds.
  const cats = org.getByRole('group', { name: /Categories of data concerned/ });
  await expect(cats.getByRole('checkbox', { name: 'Phone' })).toHaveCount(0);
  await cats.getByRole('checkbox', { name: 'First name' }).check();
  await cats.getByRole('checkbox', { name: 'Last name' }).check();
  await cats.getByRole('checkbox', { name: 'Email' }).check();
  await org.getByLabel('Likely consequences for the people').fill('Names and emails seen by other visitors.');
  await org.getByLabel('Measures taken').fill('The list was collected within minutes.');
  await org.getByLabel('Measures planned').fill('No printed lists any more.');
  await org.getByRole('radio', { name: /^High/ }).check();
  await org.getByLabel('Why this risk?').fill('Names with emails allow targeted phishing.');
  await noSeriousAxe(org, 'the breach form');
  await org.getByRole('button', { name: 'Record the breach' }).click();

  await expect(org).toHaveURL(/\/dashboard\/breaches\/[A-Za-z0-9_-]+$/);
  await expect(org.getByRole('heading', { level: 1 })).toContainText('Breach discovered');
  const breachUrl = org.url();
  const breachId = breachUrl.split('/').pop()!;
  const clocks = org.getByRole('region', { name: 'Notifications owed' });
  const inspectorate = clocks.getByRole('listitem').filter({ hasText: 'Data State Inspectorate (72 h)' });
  const peopleClock = clocks.getByRole('listitem').filter({ hasText: 'People affected (12 h)' });
  await expect(inspectorate).toContainText(/7[01] h \d\d min left/);
  await expect(peopleClock).toContainText(/1[01] h \d\d min left/);
  // Two hours later in the page: both count down.
  await org.clock.fastForward('02:00:00');
  await expect(inspectorate).toContainText(/6[89] h \d\d min left/);
  await expect(peopleClock).toContainText(/[89] h \d\d min left/);
  // Past the 12 hours: the people's clock is overdue, in words (and an icon).
  await org.clock.fastForward('10:00:00');
  await expect(peopleClock).toContainText('Overdue');
  await expect(peopleClock).toContainText(/past the deadline/);
  await expect(peopleClock.locator('svg')).toHaveCount(1);

  // The people listed are the two chosen, not the third attendee.
  const listed = org.getByRole('region', { name: 'People listed as affected (2)' });
  await expect(listed).toContainText('Anna Bērziņa');
  await expect(listed).toContainText('Jānis Ozols');
  await expect(listed).not.toContainText('Bystander');
  const [csvName, csv] = await downloaded(org, () => listed.getByRole('button', { name: 'Download their contact details (CSV)' }).click());
  expect(csvName).toMatch(/^lanyard-breach-contacts-\d{4}-\d\d-\d\d\.csv$/);
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('event,first_name,last_name,email');
  expect(lines).toHaveLength(3);
  expect(csv).toContain('anna@example.lv');
  expect(csv).not.toContain('third@example.lv');

  // The drafted notification to the inspectorate carries Art. 33(3)'s items.
  const drafts = org.getByRole('region', { name: 'Drafted notifications' });
  await drafts.getByLabel('Language of the drafts').selectOption('en');
  const dvi = drafts.getByLabel('To the Data State Inspectorate (Article 33)');
  await expect(dvi).toHaveValue(/Nature of the breach: Confidentiality/);
  const text = await dvi.inputValue();
  for (const item of [
    'Categories of personal data concerned: First name, Last name, Email',
    'Approximate number of data subjects concerned: 2',
    'Approximate number of personal data records concerned: 2',
    'Data protection officer or other contact point: dpo@piemers.lv',
    'Likely consequences: Names and emails seen by other visitors.',
    'Measures taken to address the breach and mitigate its possible adverse effects: The list was collected within minutes.',
    'Measures proposed: No printed lists any more.',
    'Controller: Biedrība Piemērs, info@piemers.lv',
  ]) {
    expect(text, item).toContain(item);
  }
  await expect(drafts.getByLabel('To the people affected (Article 34)')).toHaveValue(/Dear attendee of Breach conference/);
  await drafts.getByLabel('Language of the drafts').selectOption('lv');
  await expect(drafts.getByLabel('To the Data State Inspectorate (Article 33)')).toHaveValue(/Adresāts: Datu valsts inspekcija/);
  await expect(drafts.getByLabel('To the Data State Inspectorate (Article 33)')).toHaveValue(/Aptuvenais skarto datu subjektu skaits: 2/);

  // The dashboard shows the open clocks with a link to the breach.
  await org.goto('/dashboard');
  await hydrated(org);
  const banner = org.getByRole('region', { name: 'Open breach notifications' });
  await expect(banner).toContainText('Data State Inspectorate (72 h)');
  await banner.getByRole('link', { name: /Breach discovered/ }).click();
  await expect(org).toHaveURL(breachUrl);
  await hydrated(org);

  // Both notifications, made now (in time for the server).
  const notify = org.getByRole('region', { name: 'Record a notification' });
  const now = rigaLocal(0);
  await notify.getByRole('radio', { name: 'Data State Inspectorate (72 h)' }).check();
  await notify.getByLabel('When (Riga time)').fill(now);
  await notify.getByLabel(/^How \(for example/).fill('The inspectorate’s online form');
  await notify.getByLabel('The inspectorate\'s reference number').fill('DVI-2026/123');
  await notify.getByRole('button', { name: 'Record the notification' }).click();
  await expect(notify.getByRole('status')).toHaveText('The notification is recorded.');
  await expect(inspectorate).toContainText('Notified in time');
  await notify.getByRole('radio', { name: 'People affected (12 h)' }).check();
  await notify.getByLabel('When (Riga time)').fill(now);
  await notify.getByLabel(/^How \(for example/).fill('E-mail to each person');
  await notify.getByLabel('How many people were told').fill('2');
  await notify.getByRole('button', { name: 'Record the notification' }).click();
  await expect(peopleClock).toContainText('Notified in time');
  const made = org.getByRole('region', { name: 'Notifications made' });
  await expect(made).toContainText('Reference number: DVI-2026/123');
  await expect(made).toContainText('People told: 2');

  // At a phone's width: no sideways scroll, touch targets, axe.
  await org.setViewportSize({ width: 390, height: 844 });
  const { scroll, width } = await org.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
  await expectTouchTargets(org);
  await noSeriousAxe(org, 'the breach page');
  await org.setViewportSize({ width: 1280, height: 900 });

  // Closed: the forms go, the history lists every entry.
  await org.getByRole('region', { name: 'Close the breach' }).getByRole('button', { name: 'Close the breach' }).click();
  await expect(org.getByText(/^Closed \d{4}-\d\d-\d\d/)).toBeVisible();
  await expect(org.getByRole('region', { name: 'Record a notification' })).toHaveCount(0);
  const history = org.getByRole('region', { name: 'History' });
  for (const change of ['recorded', 'notified:inspectorate', 'notified:people', 'closed']) {
    await expect(history.getByRole('cell', { name: change, exact: true })).toBeVisible();
  }

  // The register lists it as closed and exports it.
  await org.goto('/dashboard/breaches');
  await hydrated(org);
  const row = org.getByRole('row').filter({ hasText: 'Breach conference' });
  await expect(row).toContainText('Closed');
  await expect(row).toContainText('High');
  const [regName, regCsv] = await downloaded(org, () => org.getByRole('button', { name: 'Download the register (CSV)' }).click());
  expect(regName).toMatch(/^lanyard-breach-register-\d{4}-\d\d-\d\d\.csv$/);
  const regLine = regCsv.split(/\r?\n/).find((l) => l.includes(breachId.replace(/^-/, "'-")) || l.includes(breachId));
  expect(regLine, regCsv).toBeTruthy();
  expect(regLine).toContain('high');
  expect(regLine).toContain('DVI-2026/123');
  const [, json] = await downloaded(org, () => org.getByRole('button', { name: 'Download the register (JSON)' }).click());
  const parsed = JSON.parse(json);
  const mine = parsed.breaches.find((b: any) => b.id === breachId);
  expect(mine.record.risk).toBe('high');
  expect(mine.record.notifications).toHaveLength(2);
  expect(mine.history.map((h: any) => h.change)).toEqual(['recorded', 'notified:inspectorate', 'notified:people', 'closed']);

  // Nothing is owed any more: no banner on the dashboard.
  await org.goto('/dashboard');
  await hydrated(org);
  await expect(org.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(org.getByRole('region', { name: 'Open breach notifications' })).toHaveCount(0);
});
