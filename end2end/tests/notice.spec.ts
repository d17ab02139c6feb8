// Issue 14 point 4 in the browser (requirement 4): a decision records exactly the notice
// the page showed. The organiser edits the notice in one browser context while a kiosk
// (or an attendee on /me) has the old one on screen in another; the submit is refused
// with 409, the page shows the new notice with a plain sentence, keeps what was typed,
// and the decision then records the new version.
import { test, expect, type Page } from './fixtures';
import { createEvent, hydrated, kiosk, noticeVersion, organiser } from './helpers';

const CHANGED = 'The notice changed since this screen opened: please read it again.';

/** The organiser renames the controller on the event's settings page (a new notice version). */
async function editNotice(org: Page, eventId: string, controller: string) {
  await org.goto(`/dashboard/events/${eventId}/settings`);
  await hydrated(org);
  await org.getByLabel('Controller name').fill(controller);
  await org.getByRole('button', { name: 'Save settings' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(org.locator('.notice[lang="en"]')).toContainText(`Controller: ${controller}`);
}

/** The attendee's consent history as the organiser sees it. */
async function history(org: Page, eventId: string) {
  const list = await (await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: {} } })).json();
  expect(list.rows).toHaveLength(1);
  const detail = await (
    await org.request.post('/api/attendees/detail', { data: { event_id: eventId, attendee_id: list.rows[0].id } })
  ).json();
  return detail.history as { choice: string; notice_version_id: number; notice_sha256: string; notice_text: string }[];
}

test('kiosk: the notice edited between load and submit shows again, and the new version is recorded', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Notice race', {
    languages: ['en', 'lv'],
    controller_name: 'First Foundation',
    print_name: true,
    fields: {
      first_name: { enabled: true, required: true },
      last_name: { enabled: false, required: false },
      organisation: { enabled: false, required: false },
      role_title: { enabled: false, required: false },
      email: { enabled: false, required: false },
      phone: { enabled: false, required: false },
    },
  });
  const page = await kiosk(browser, org, eventId);

  // The attendee reads the notice as it is now and fills everything in.
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByText('Controller: First Foundation')).toBeVisible();
  await page.getByRole('button', { name: 'I have read this – continue' }).click();
  await page.getByLabel('First name').fill('Marta');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No, I am 18 or older' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Photos OK' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check and print' })).toBeVisible();

  // Meanwhile, in the organiser's browser, the notice changes.
  await editNotice(org, eventId, 'Second Foundation');

  // The submit is refused: the new notice shows with the reason, nothing printed.
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  await expect(page.getByRole('heading', { name: 'Before you register' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(CHANGED);
  await expect(page.getByText('Controller: Second Foundation')).toBeVisible();
  await expect(page.getByText('Controller: First Foundation')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__prints)).toBe(0);
  const none = await (await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: {} } })).json();
  expect(none.total).toBe(0);

  // Read again: straight back to confirming what was entered.
  await page.getByRole('button', { name: 'I have read this – continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check and print' })).toBeVisible();
  await expect(page.locator('.summary strong')).toHaveText('Photos OK');
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  const badge = page.locator('.badge-green');
  await expect(badge).toContainText('PHOTOS OK');
  await expect(badge).toContainText('Marta');

  // The recorded version is the new one, the one shown last.
  const current = await noticeVersion(org.request, eventId, 'en');
  const h = await history(org, eventId);
  expect(h).toHaveLength(1);
  expect({ id: h[0].notice_version_id, sha256: h[0].notice_sha256 }).toEqual(current);
  expect(h[0].notice_text).toContain('Controller: Second Foundation');
  await org.context().close();
  await page.context().close();
});

test('/me: the notice shows before a switch to green; edited meanwhile, it shows again and the new version is recorded', async ({
  browser,
}) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Notice race on me', {
    languages: ['en', 'lv'],
    controller_name: 'Old Controller',
  });
  const reg = await org.request.post('/api/attendees/register', {
    data: { event_id: eventId, registration: { fields: {}, consent: { choice: 'red', notice: await noticeVersion(org.request, eventId) } } },
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const code = (await reg.json()).private_code as string;

  const ctx = await browser.newContext({ locale: 'en-US' });
  const me = await ctx.newPage();
  await me.goto('/me');
  await hydrated(me);
  await me.getByLabel('Your private code').fill(code);
  await me.getByRole('button', { name: 'Show my data' }).click();
  const notice = me.getByRole('region', { name: 'Privacy notice' });
  await expect(notice).toContainText('Controller: Old Controller');

  // The organiser edits the notice while the attendee's page shows the old one.
  await editNotice(org, eventId, 'New Controller');

  await me.getByRole('button', { name: 'Switch to photos OK (green)' }).click();
  await expect(me.getByRole('alert')).toHaveText(CHANGED);
  await expect(notice).toContainText('Controller: New Controller');
  await expect(notice).not.toContainText('Old Controller');
  expect((await history(org, eventId)).map((r) => r.choice)).toEqual(['red']);

  // Having read it, the attendee switches: the row names the version shown now.
  await me.getByRole('button', { name: 'Switch to photos OK (green)' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Your photo choice is saved: Photos OK' })).toBeVisible();
  const current = await noticeVersion(org.request, eventId, 'en');
  const h = await history(org, eventId);
  expect(h.map((r) => r.choice)).toEqual(['red', 'green']);
  expect({ id: h[1].notice_version_id, sha256: h[1].notice_sha256 }).toEqual(current);
  expect(h[1].notice_text).toContain('Controller: New Controller');
  await org.context().close();
  await ctx.close();
});

test("the organiser's on-behalf form shows the notice and records the version shown", async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'On behalf notice', { languages: ['en', 'lv'], controller_name: 'Desk Controller' });
  await org.goto(`/dashboard/events/${eventId}/attendees/new`);
  await hydrated(org);
  const notice = org.getByRole('region', { name: 'Privacy notice to show the attendee' });
  await expect(notice).toContainText('Controller: Desk Controller');
  await org.getByRole('radio', { name: 'No photos' }).click();
  await org.getByRole('button', { name: 'Register and print the badge' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Registered. The badge is ready to print.' })).toBeVisible();
  const current = await noticeVersion(org.request, eventId, 'en');
  const h = await history(org, eventId);
  expect({ id: h[0].notice_version_id, sha256: h[0].notice_sha256 }).toEqual(current);
  await org.context().close();
});
