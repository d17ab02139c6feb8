// Issue 3 in the browser: CSV import of pre-registered attendees and their kiosk
// check-in (item 3), the organiser's attendee pages (item 7) and the event page's
// counts and chart (item 8). Requirements 1, 4, 5, 6, 7, 13, 19.
import { test, expect } from './fixtures';
import { join } from 'node:path';
import { createEvent, expectTouchTargets, hydrated, kiosk, organiser } from './helpers';

const FIXTURES = join(__dirname, '..', '..', 'app', 'tests', 'fixtures', 'import');
const rule = (required: boolean) => ({ enabled: true, required });
const ALL_FIELDS = {
  first_name: rule(false),
  last_name: rule(false),
  organisation: rule(false),
  role_title: rule(false),
  email: rule(false),
  phone: rule(false),
};

test('import a pretix CSV, then a pre-registered attendee checks in at the kiosk with their code', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Import conference', {
    languages: ['en', 'lv'],
    fields: ALL_FIELDS,
    print_name: true,
  });

  await org.goto(`/dashboard/events/${eventId}`);
  await hydrated(org);
  await org.getByRole('link', { name: 'Import attendees (CSV)' }).click();
  await expect(org.getByRole('heading', { name: 'Import attendees from a CSV file' })).toBeVisible();

  // A malformed file is refused with its line named; nothing is imported.
  await org.getByLabel('CSV file').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('First Name,Email\nAnna,anna@example.lv\nBad line without email,,extra\n'),
  });
  await expect(org.getByRole('alert')).toHaveText(
    'Line 3: it has a different number of cells than the first line.',
  );

  await org.getByLabel('CSV file').setInputFiles(join(FIXTURES, 'pretix.csv'));
  await expect(org.getByText('Recognised as: pretix. Lines with attendees: 3.')).toBeVisible();
  // The proposed mapping uses the attendee's own name parts.
  await expect(org.getByLabel('First name', { exact: true }).locator('option:checked')).toHaveText(
    'Attendee name: Given name',
  );
  await expect(org.getByLabel('Email', { exact: true }).locator('option:checked')).toHaveText('Email');
  await org.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(org.getByRole('heading', { name: 'Imported 3 attendees' })).toBeVisible();
  await expect(org.getByRole('link', { name: 'Download the codes (CSV)' })).toHaveAttribute(
    'href',
    /^data:text\/csv/,
  );
  const ligaRow = org.getByRole('row').filter({ hasText: 'Līga Ozoliņa' });
  const code = (await ligaRow.locator('.code').textContent())!.trim();
  expect(code).toMatch(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/);

  // At the kiosk: the code finds her; she sees only her own name.
  const page = await kiosk(browser, org, eventId);
  await page.getByRole('button', { name: 'I registered in advance' }).click();
  await page.getByLabel('Check-in code').fill('WRONG-CODE');
  await page.getByRole('button', { name: 'Find me' }).click();
  await expect(page.getByRole('alert')).toContainText('We could not find that registration');
  await page.getByLabel('Check-in code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Find me' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checking in: Līga Ozoliņa' })).toBeVisible();
  const dom = await page.content();
  expect(dom).not.toContain('Jānis');
  expect(dom).not.toContain('Emily');
  expect(dom).not.toContain('@example');
  await page.getByRole('button', { name: 'I have read this – continue' }).click();
  // Her details came from the import: straight to the age question.
  await page.getByRole('radio', { name: 'No, I am 18 or older' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Photos OK' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  await expect(page.locator('.badge-green')).toContainText('Līga Ozoliņa');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'I registered in advance' })).toBeVisible();
  expect(await page.content()).not.toContain('Līga');

  // The same code cannot be used twice.
  await page.getByRole('button', { name: 'I registered in advance' }).click();
  await page.getByLabel('Check-in code').fill(code);
  await page.getByRole('button', { name: 'Find me' }).click();
  await expect(page.getByRole('alert')).toContainText('already been used');

  // The event page counts her as checked in and green.
  await org.goto(`/dashboard/events/${eventId}`);
  await hydrated(org);
  const stat = (label: string) => org.locator('.stat').filter({ has: org.getByText(label, { exact: true }) }).locator('dd');
  await expect(stat('Registered')).toHaveText('3');
  await expect(stat('Checked in')).toHaveText('1');
  await expect(stat('Photos OK (green)')).toHaveText('1');
  await expect(stat('No photos (red)')).toHaveText('0');
  await expect(stat('Under 18')).toHaveText('0');
  await expect(
    org.getByRole('img', { name: 'Photo choices: 33 % green, 0 % red. Checked in: 33 % of registered.' }),
  ).toBeVisible();
  await expectTouchTargets(org);
  await org.context().close();
  await page.context().close();
});

test('organiser registers on behalf, finds the attendee, changes consent on request and reprints', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Desk event', {
    languages: ['en', 'lv'],
    fields: { ...ALL_FIELDS, first_name: rule(true) },
    print_name: true,
  });
  await org.addInitScript(() => {
    (window as any).__prints = 0;
    window.print = () => {
      (window as any).__prints++;
    };
  });

  // Empty list first.
  await org.goto(`/dashboard/events/${eventId}/attendees`);
  await hydrated(org);
  await expect(org.getByText(/^No attendees yet/)).toBeVisible();

  // Register on behalf: required field enforced in plain words.
  await org.getByRole('link', { name: 'Register an attendee' }).click();
  await expect(org.getByRole('heading', { name: 'Register an attendee' })).toBeVisible();
  const submit = org.getByRole('button', { name: 'Register and print the badge' });
  await expect(submit).toBeDisabled();
  await org.getByRole('radio', { name: 'Photos OK' }).click();
  await submit.click();
  await expect(org.getByRole('alert')).toHaveText('Please fill in: First name');
  await org.getByLabel('First name').fill('Marta');
  await org.getByLabel('Last name').fill('Kalniņa');
  await org.getByLabel('Email').fill('marta@example.lv');
  await submit.click();
  await expect(org.getByRole('status').filter({ hasText: 'Registered.' })).toBeVisible();
  await expect(org.locator('.badge-green')).toContainText('Marta Kalniņa');
  await expect(org.locator('.private-code .code')).toHaveText(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/);

  // A minor, red, also on behalf.
  await org.getByRole('button', { name: 'Register another attendee' }).click();
  await org.getByLabel('First name').fill('Pēteris');
  await org.getByRole('checkbox', { name: 'The attendee is under 18' }).check();
  await org.getByRole('radio', { name: 'No photos' }).click();
  await submit.click();
  await expect(org.locator('.badge-red')).toBeVisible();

  // The list: search and filters.
  await org.goto(`/dashboard/events/${eventId}/attendees`);
  await hydrated(org);
  await expect(org.getByText('Showing 2 of 2 attendees.')).toBeVisible();
  await expectTouchTargets(org);
  await org.getByLabel('Under 18').selectOption('yes');
  await org.getByRole('button', { name: 'Search' }).click();
  await expect(org.getByText('Showing 1 of 1 attendees.')).toBeVisible();
  await expect(org.getByRole('link', { name: 'Pēteris' })).toBeVisible();
  await org.getByLabel('Under 18').selectOption('');
  await org.getByLabel('Search by name, organisation or email').fill('KALNIŅA');
  await org.getByRole('button', { name: 'Search' }).click();
  await expect(org.getByText('Showing 1 of 1 attendees.')).toBeVisible();
  await org.getByRole('link', { name: 'Marta Kalniņa' }).click();

  // Detail: history with the notice version; change to red on request.
  await expect(org.getByRole('heading', { name: 'Marta Kalniņa' })).toBeVisible();
  const history = org.getByRole('table').filter({ has: org.getByRole('columnheader', { name: 'Notice shown' }) });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expectTouchTargets(org);
  await expect(history.getByRole('row').nth(1)).toContainText('organiser');
  await history.getByText(/^Version \d+/).first().click();
  await expect(history.locator('.notice')).toContainText('Desk event');
  await expect(org.getByRole('button', { name: 'Record the new choice' })).toBeDisabled();
  await org.getByRole('radio', { name: 'No photos' }).click();
  await org.getByRole('button', { name: 'Record the new choice' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'The new choice is recorded.' })).toBeVisible();
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(2)).toContainText('No photos');

  // Reprint: the badge now shows red and the print dialog opens.
  await org.getByRole('button', { name: 'Reprint badge' }).click();
  await expect(org.locator('.badge-print .badge-red')).toContainText('Marta Kalniņa');
  await expect.poll(() => org.evaluate(() => (window as any).__prints)).toBeGreaterThan(0);
  await expect(org.getByRole('link', { name: 'Badge as image (PNG)' })).toHaveAttribute('href', /^\/b\/[A-Za-z0-9_-]{22}\/badge\.png$/);
  await org.context().close();
});

test('a minor can be green on behalf only with the guardian data', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Youth event', { languages: ['en', 'lv'], fields: ALL_FIELDS });
  await org.goto(`/dashboard/events/${eventId}/attendees/new`);
  await hydrated(org);
  await org.getByLabel('First name').fill('Anna');
  await org.getByRole('checkbox', { name: 'The attendee is under 18' }).check();
  await org.getByRole('radio', { name: 'Photos OK' }).click();
  await org.getByRole('button', { name: 'Register and print the badge' }).click();
  await expect(org.getByRole('alert')).toHaveText("Green needs the guardian's name, confirmation and signature.");
  await org.getByLabel("Guardian's full name").fill('Inese Liepa');
  await org.getByRole('checkbox', { name: 'I am the parent or guardian' }).check();
  const pad = org.locator('canvas.signature');
  const box = (await pad.boundingBox())!;
  await org.mouse.move(box.x + 20, box.y + 20);
  await org.mouse.down();
  await org.mouse.move(box.x + 120, box.y + 60, { steps: 5 });
  await org.mouse.up();
  await org.getByRole('button', { name: 'Register and print the badge' }).click();
  await expect(org.locator('.badge-green')).toBeVisible();
  await org.context().close();
});
