// Issue 16 point 6 in the browser (requirements 15, 17): an organiser corrects a
// misspelled name at the person's request and the attendee's history shows who, when
// and why, with the reprint offered; a removal asked at the kiosk after the badge scan
// appears in the event's requests with the channel "Kiosk". Both also at 390 px wide.
import { test, expect, type Page } from './fixtures';
import { createEvent, demoLogin, hydrated, kiosk, NAME_FIELDS, noticeVersion, organiser } from './helpers';

const PHONE = { width: 390, height: 844 };

/** First and last name asked; names printed on the badge. */
const PRINTED_NAMES = {
  ...NAME_FIELDS,
  print_name: true,
  fields: { ...NAME_FIELDS.fields, last_name: { enabled: true, required: false } },
};

/** Registers someone on behalf with `choice`; returns (attendee id, badge URL). */
async function registered(org: Page, eventId: string, fields: object, choice: 'green' | 'red'): Promise<[number, string]> {
  const r = await org.request.post('/api/attendees/register', {
    data: { event_id: eventId, registration: { fields, consent: { choice, notice: await noticeVersion(org.request, eventId) } } },
  });
  expect(r.status(), await r.text()).toBe(200);
  const list = await (await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: {} } })).json();
  const id = list.rows[0].id;
  const detail = await (await org.request.post('/api/attendees/detail', { data: { event_id: eventId, attendee_id: id } })).json();
  return [id, new URL(detail.badge_path, org.url()).toString()];
}

async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll, 'no sideways scroll').toBeLessThanOrEqual(width);
}

test('an organiser corrects a misspelled name on request; the history shows who, when and why, and the badge can be reprinted', async ({ browser }) => {
  const org = await organiser(browser);
  await org.context().addInitScript(() => {
    (window as any).__prints = 0;
    window.print = () => {
      (window as any).__prints++;
    };
  });
  const eventId = await createEvent(org.request, 'Correction event', PRINTED_NAMES);
  const [id] = await registered(org, eventId, { first_name: 'Jnāis', last_name: 'Ozols' }, 'green');
  await org.goto(`/dashboard/events/${eventId}/attendees/${id}`);
  await hydrated(org);
  await expect(org.getByRole('heading', { level: 1 })).toHaveText('Jnāis Ozols');

  const form = org.getByRole('region', { name: 'Correct on request' });
  await form.getByLabel('Field to correct').selectOption({ label: 'First name' });
  await expect(form.getByLabel('New value')).toHaveValue('Jnāis');
  await form.getByLabel('New value').fill('Jānis');
  await form.getByLabel('By phone').check();
  // Without saying how identity was checked and why: refused in words, nothing changes.
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(form.getByRole('alert')).toHaveText('Write down how you checked who the person is.');
  await form.getByLabel('How you checked who the person is').fill('Called back the number they registered with');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(form.getByRole('alert')).toHaveText('Write down what the person asked for and why the field is corrected.');
  await expect(org.getByRole('heading', { level: 1 })).toHaveText('Jnāis Ozols');

  await form.getByLabel('What the person asked for, and why').fill('Name misspelt at registration');
  await form.getByRole('button', { name: 'Save the correction' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'The correction is saved' })).toBeVisible();
  await expect(org.getByRole('heading', { level: 1 })).toHaveText('Jānis Ozols');

  // The history: who, when, which field, how they asked, how identity was checked, why.
  const history = org.getByRole('table').filter({ has: org.getByRole('columnheader', { name: 'Identity checked' }) });
  const row = history.getByRole('row').nth(1);
  await expect(row).toContainText(demoLogin().email);
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(row).toContainText('First name');
  await expect(row).toContainText('By phone');
  await expect(row).toContainText('Called back the number they registered with');
  await expect(row).toContainText('Name misspelt at registration');

  // The printed name changed: the reprint is offered and prints the new name.
  const offer = form.getByRole('status').filter({ hasText: 'reprint the badge' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Reprint badge' }).click();
  await expect(org.locator('.badge-print')).toContainText('Jānis Ozols');
  await expect.poll(() => org.evaluate(() => (window as any).__prints)).toBeGreaterThan(0);

  // After a reload the history is still there (it is stored, not page state).
  await org.setViewportSize(PHONE);
  await org.reload();
  await hydrated(org);
  await expect(history.getByRole('row').nth(1)).toContainText('Name misspelt at registration');
  await noSidewaysScroll(org);
  await org.context().close();
});

test('a removal asked at the kiosk after the badge scan appears in the event\'s requests with the channel "Kiosk"', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Kiosk removal event', NAME_FIELDS);
  const [, url] = await registered(org, eventId, { first_name: 'Ilze' }, 'green');
  const page = await kiosk(browser, org, eventId);
  await page.setViewportSize(PHONE);

  await page.getByRole('button', { name: 'Change my photo choice' }).click();
  await page.getByLabel('Badge code or link').fill(url);
  await page.getByRole('button', { name: 'Check my badge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your badge is green' })).toBeVisible();
  // Both ways are offered: switch to red, or ask for the photos to be removed.
  await expect(page.getByRole('button', { name: 'Switch to red: no photos' })).toBeVisible();
  await page.getByRole('button', { name: 'Ask for my photos to be removed' }).click();

  await expect(page.getByRole('heading', { name: 'Your request to remove your photos is sent' })).toBeVisible();
  await expect(page.getByText(/The organiser must answer by \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  await expect(page.getByText('With the private code from your registration')).toBeVisible();
  await noSidewaysScroll(page);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(new URL(url).pathname);

  await org.goto(`/dashboard/events/${eventId}/requests`);
  await hydrated(org);
  const table = org.getByRole('table').filter({ has: org.getByRole('columnheader', { name: 'Came in through' }) });
  const row = table.getByRole('row').filter({ hasText: 'Ilze' });
  await expect(row).toContainText('Kiosk');
  await expect(row).toContainText('Photo removal');
  await org.setViewportSize(PHONE);
  await noSidewaysScroll(org);
  await org.context().close();
  await page.context().close();
});
