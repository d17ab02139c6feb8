// The record of processing activities (issue 15 point 7; GDPR Art. 30): generated from
// the event settings, it lists the registration fields the event switched on and only
// those, in both languages; the JSON download holds the same; it prints on A4 with
// nothing of the app around it.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { createEvent, expectTouchTargets, hydrated, organiser } from './helpers';

const FIELDS = ['first_name', 'last_name', 'organisation', 'role_title', 'email', 'phone'];

/** First name (required) and email switched on; the other four off. */
const SETTINGS = {
  languages: ['en', 'lv'],
  controller_name: 'Biedrība Piemērs',
  controller_email: 'dati@piemers.lv',
  purposes: [{ purpose: 'Registration and badges', legal_basis: 'Contract' }],
  recipients: 'Printing house SIA Druka',
  retention_days: 200,
  photo_retention_days: 100,
  fields: {
    first_name: { enabled: true, required: true },
    last_name: { enabled: false, required: false },
    organisation: { enabled: false, required: false },
    role_title: { enabled: false, required: false },
    email: { enabled: true, required: false },
    phone: { enabled: false, required: false },
  },
};

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: serious or critical axe violations`).toEqual([]);
}

/** The page size of each page of a PDF, in points, from the MediaBoxes. */
function mediaBoxes(pdf: Buffer): [number, number][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
    parseFloat(m[1]),
    parseFloat(m[2]),
  ]);
}

test('the record lists the fields switched on and only those, in English and Latvian, and the JSON says the same', async ({
  browser,
}) => {
  const page = await organiser(browser);
  const name = `Record conference ${Date.now()}`;
  const eventId = await createEvent(page.request, name, SETTINGS);

  await page.goto(`/dashboard/events/${eventId}`);
  await hydrated(page);
  await page.getByRole('link', { name: 'Record of processing', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/events/${eventId}/record$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Record of processing activities' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  const data = page.getByRole('table', { name: 'Categories of personal data' });
  await expect(data.getByRole('rowheader', { name: 'First name', exact: true })).toBeVisible();
  await expect(data.getByRole('rowheader', { name: 'Email', exact: true })).toBeVisible();
  await expect(data.getByRole('row', { name: /^First name/ })).toContainText('required');
  for (const off of ['Last name', 'Organisation', 'Role or title', 'Phone']) {
    await expect(page.getByText(off, { exact: true }), `${off} is not collected`).toHaveCount(0);
  }
  // The rest of the record, from the settings.
  await expect(page.getByRole('table', { name: 'Purposes and legal bases' }).getByRole('cell', { name: 'Contract' })).toBeVisible();
  await expect(page.getByText('Printing house SIA Druka')).toBeVisible();
  await expect(page.getByText(/^Attendee data .*: 200 days after the event's last day\. Deleted on 2100-07-20\.$/)).toBeVisible();
  await expect(page.getByText(/^Photos: 100 days after the event's last day\. Deleted on 2100-04-11\.$/)).toBeVisible();
  const subjects = page.getByRole('table', { name: 'Categories of data subjects' });
  await expect(subjects.getByRole('rowheader')).toHaveText(['Attendees', 'Minors (under 18)', 'Parents and guardians', 'Staff users']);
  await expect(page.getByRole('heading', { name: 'Technical and organisational measures' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What is deleted and what is kept' }).getByRole('rowheader', { name: /^attendees/ })).toBeVisible();
  await expectAccessible(page, 'record of processing');
  await expectTouchTargets(page);

  // Latviski: the same fields, and still only those.
  await page.getByRole('button', { name: 'Latviešu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Apstrādes darbību reģistrs' })).toBeVisible();
  const dataLv = page.getByRole('table', { name: 'Personas datu kategorijas' });
  await expect(dataLv.getByRole('rowheader', { name: 'Vārds', exact: true })).toBeVisible();
  await expect(dataLv.getByRole('rowheader', { name: 'E-pasts', exact: true })).toBeVisible();
  for (const off of ['Uzvārds', 'Organizācija', 'Amats', 'Tālrunis']) {
    await expect(page.getByText(off, { exact: true }), `${off} netiek vākts`).toHaveCount(0);
  }
  await expect(page.getByText(/^Dalībnieku dati .*: 200 dienas pēc pasākuma pēdējās dienas\. Dzēš 2100-07-20\.$/)).toBeVisible();

  // The JSON download: the same record, in the page's language.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lejupielādēt (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^lanyard-record-of-processing-${eventId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(json.format).toBe('lanyard-processing-record/1');
  expect(json.lang).toBe('lv');
  const keys = json.activities[0].data.map((d: { key: string }) => d.key);
  expect(keys.filter((k: string) => FIELDS.includes(k))).toEqual(['first_name', 'email']);
  expect(json.activities[0].data.slice(0, 2).map((d: { label: string }) => d.label)).toEqual(['Vārds', 'E-pasts']);
  expect(json.activities[0].retention.attendees_deleted_on).toBe('2100-07-20');
  await expect(page.getByText(/^Saglabāts kā lanyard-record-of-processing-/)).toBeVisible();

  // The CSV download: the same, one value a row.
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lejupielādēt (CSV)' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('section,event,item,key,value');
  expect(csv).toContain(`data,${name},first_name,label,Vārds\r\n`);
  for (const off of ['last_name', 'organisation', 'role_title', 'phone']) expect(csv).not.toContain(off);

  // Printed: A4 pages with the record and nothing of the app (no bar, links or buttons).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Drukāt' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Atpakaļ uz pasākumu' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Apstrādes darbību reģistrs' })).toBeVisible();
  await expect(dataLv.getByRole('rowheader', { name: 'Vārds', exact: true })).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const boxes = mediaBoxes(pdf);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [w, h] of boxes) {
    // A4 is 595.3 × 841.9 pt; within half a millimetre.
    expect(Math.abs(w - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(h - 841.89)).toBeLessThan(1.5);
  }
  await page.context().close();
});

test("the instance record, from the dashboard, holds the organiser's events with their fields", async ({ browser }) => {
  const page = await organiser(browser);
  const name = `Instance record ${Date.now()}`;
  await createEvent(page.request, name, SETTINGS);
  await page.goto('/dashboard');
  await hydrated(page);
  await page.getByRole('link', { name: 'Record of processing (all events)' }).click();
  await expect(page).toHaveURL(/\/dashboard\/record$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Record of processing activities' })).toBeVisible();
  await expect(page.getByText('Every event you manage')).toBeVisible();
  const section = page.getByRole('region', { name });
  await expect(section.getByRole('table', { name: 'Categories of personal data' }).getByRole('rowheader', { name: 'Email', exact: true })).toBeVisible();
  await expect(section.getByText('Phone', { exact: true })).toHaveCount(0);
  // On a phone the page does not scroll sideways (wide tables scroll in their own box).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(section.getByRole('heading', { level: 2, name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});
