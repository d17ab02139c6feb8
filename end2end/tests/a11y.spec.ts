// Issue 12 "Also": accessibility stays clean (WCAG 2.1 AA, requirement context: kiosk,
// scanner, self-service page, dashboard, attendee page). axe-core runs on each screen
// and the test fails on any serious or critical violation.
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { createEvent, hydrated, kiosk, organiser, throughNotice } from './helpers';

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: serious or critical axe violations`).toEqual([]);
}

const rule = { enabled: true, required: false };

test('kiosk steps, /me, /scan, the dashboard and an attendee page have no serious axe violations', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Accessible event', {
    languages: ['lv', 'en'],
    fields: { first_name: rule, last_name: rule, email: rule },
    print_name: true,
  });
  await expectAccessible(org, 'dashboard');

  const page = await kiosk(browser, org, eventId);
  await expectAccessible(page, 'kiosk welcome');
  await throughNotice(page);
  await expectAccessible(page, 'kiosk fields');
  await page.getByLabel('First name').fill('Ausma');
  await page.getByLabel('Last name').fill('Liepa');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Are you under 18?' })).toBeVisible();
  await expectAccessible(page, 'kiosk age');
  await page.getByRole('radio', { name: 'Yes, I am under 18' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectAccessible(page, 'kiosk choice');
  await page.getByRole('radio', { name: 'Photos OK' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'A parent or guardian must agree' })).toBeVisible();
  await expectAccessible(page, 'kiosk guardian');
  await page.goto('/kiosk');
  await hydrated(page);
  await throughNotice(page);
  await page.getByLabel('First name').fill('Ausma');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No, I am 18 or older' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No photos' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectAccessible(page, 'kiosk confirm');
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  await expect(page.locator('.badge-red')).toBeVisible();
  await expectAccessible(page, 'kiosk badge and private code');
  const code = (await page.locator('.private-code .code').textContent())!.trim();
  await page.context().close();

  const me = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await me.goto('/me');
  await hydrated(me);
  await expectAccessible(me, '/me code entry');
  await me.getByLabel('Your private code').fill(code);
  await me.getByRole('button', { name: 'Show my data' }).click();
  await expect(me.getByRole('heading', { name: 'Your details' })).toBeVisible();
  await expectAccessible(me, '/me with data');
  await me.context().close();

  await org.goto('/scan');
  await hydrated(org);
  await org.getByLabel('Event', { exact: true }).selectOption(eventId);
  await expectAccessible(org, '/scan');

  await org.goto(`/dashboard/events/${eventId}/attendees`);
  await hydrated(org);
  await expectAccessible(org, 'attendee list');
  await org.getByRole('link', { name: 'Ausma' }).first().click();
  await expect(org.getByRole('heading', { name: /Ausma/ })).toBeVisible();
  await expectAccessible(org, 'attendee page');
  await org.context().close();
});
