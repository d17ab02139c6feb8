// Issue 16 point 3 in the browser (requirement 22): the event page lists the paired
// tablets with the name given when pairing; a tablet pairs from the QR's address; the
// organiser revokes one and the tablet's next action shows the pairing screen, while
// the other tablet keeps working.
import { test, expect, type Page } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { createEvent, hydrated, kiosk, organiser } from './helpers';
import { launchWithFakeCamera, y4mFromPng } from './fake-camera';

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: serious or critical axe violations`).toEqual([]);
}

test('a tablet pairs from the QR address, is listed by name, and after revocation its next action shows the pairing screen', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Tablets event');
  await org.goto(`/dashboard/events/${eventId}`);
  await hydrated(org);
  const card = org.getByRole('region', { name: 'Kiosk tablets' });
  await expect(card.getByText('No tablet is paired with this event yet.')).toBeVisible();

  await card.getByLabel('Name of the new tablet').fill('Entrance 1');
  await card.getByRole('button', { name: 'Make a pairing code' }).click();
  await expect(card.getByText('Pairing code for Entrance 1')).toBeVisible();
  const code = (await card.locator('.pairing .code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(card.getByRole('img', { name: `QR code for pairing, holding the code ${code}` })).toBeVisible();
  await expectAccessible(org, 'event page with the tablets card');

  // The tablet opens the address the QR holds: it pairs, and the code leaves the address bar.
  const tabletCtx = await browser.newContext({ locale: 'en-US' });
  const tablet = await tabletCtx.newPage();
  await tablet.goto(`/kiosk#pair=${code}`);
  await expect(tablet.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  expect(new URL(tablet.url()).hash).toBe('');

  // A second tablet, paired by typing a code, keeps working throughout.
  const other = await kiosk(browser, org, eventId);

  await card.getByRole('button', { name: 'Refresh the list' }).click();
  const entrance = card.getByRole('listitem').filter({ has: org.getByRole('heading', { name: 'Entrance 1' }) });
  await expect(entrance).toContainText('Working');
  await expect(entrance).toContainText('Registrations made');
  await expect(card.getByRole('listitem')).toHaveCount(2);

  // Rename it, then revoke it after the confirmation step.
  await entrance.getByText('Rename or extend').click();
  await entrance.getByLabel('New name').fill('Front door');
  await entrance.getByRole('button', { name: 'Rename' }).click();
  const door = card.getByRole('listitem').filter({ has: org.getByRole('heading', { name: 'Front door' }) });
  await expect(door).toBeVisible();
  await door.getByRole('button', { name: 'Revoke' }).click();
  await expect(door.getByText('Revoke Front door? Its session ends at once')).toBeVisible();
  await door.getByRole('button', { name: 'Yes, revoke it' }).click();
  await expect(door).toContainText('Revoked');
  await expect(door.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  // The revoked tablet's next action: the pairing screen, not the registration.
  await tablet.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(tablet.getByRole('heading', { name: 'This tablet is not paired yet' })).toBeVisible();
  await expect(tablet.getByLabel('Pairing code')).toBeVisible();
  // The other tablet still registers.
  await other.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(other.getByRole('heading', { name: 'Before you register' })).toBeVisible();

  // On a phone the list does not scroll sideways.
  await org.setViewportSize({ width: 390, height: 844 });
  await org.reload();
  await hydrated(org);
  await expect(org.getByRole('region', { name: 'Kiosk tablets' }).getByRole('listitem')).toHaveCount(2);
  expect(await org.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await tabletCtx.close();
  await other.context().close();
  await org.context().close();
});

test('a tablet pairs by showing the pairing QR code from the event page to its camera', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Camera pairing event');
  await org.goto(`/dashboard/events/${eventId}`);
  await hydrated(org);
  const card = org.getByRole('region', { name: 'Kiosk tablets' });
  await card.getByLabel('Name of the new tablet').fill('Hall tablet');
  await card.getByRole('button', { name: 'Make a pairing code' }).click();
  // The QR exactly as the dashboard shows it, played as the tablet's camera picture.
  const qr = card.getByRole('img', { name: /^QR code for pairing/ });
  await expect(qr).toBeVisible();
  const y4m = testInfo.outputPath('pairing-qr.y4m');
  await y4mFromPng(await qr.screenshot(), y4m, { noise: 3, fill: 0.7 });
  const camera = await launchWithFakeCamera(y4m);
  try {
    const tablet = await (await camera.newContext({ locale: 'en-US', baseURL: testInfo.project.use.baseURL })).newPage();
    await tablet.goto('/kiosk');
    await hydrated(tablet);
    const scan = tablet.getByRole('button', { name: 'Scan the pairing QR code' });
    await expect(scan).toHaveAttribute('aria-expanded', 'false');
    await scan.click();
    await expect(tablet.getByText("Hold the QR code from the organiser's event page in front of this tablet's camera.")).toBeVisible();
    await expect(tablet.getByRole('button', { name: 'Register', exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(tablet.getByRole('heading', { name: 'Welcome to Camera pairing event' })).toBeVisible();
  } finally {
    await camera.close();
  }
  await card.getByRole('button', { name: 'Refresh the list' }).click();
  await expect(card.getByRole('heading', { name: 'Hall tablet' })).toBeVisible();
  await org.context().close();
});
