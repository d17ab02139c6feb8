// Issue 16 points 1 and 2 (requirement 22): an admin invites a photographer with a
// one-time link; the photographer sets a password on it in another browser context and
// sees only the event they were added to; removing them hides it on the next page load;
// disabling the account signs their open page out on its next action. axe-clean pages.
import { test, expect, type Page, type Browser } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { createEvent, demoLogin, hydrated, signIn } from './helpers';

async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${what}: serious or critical axe violations`).toEqual([]);
}

async function adminPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const page = await ctx.newPage();
  const { admin } = demoLogin();
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** Every touch target on the page is at least 48 px high (buttons, links styled as buttons, fields). */
async function expectTargets(page: Page, selector: string) {
  for (const el of await page.locator(selector).all()) {
    if (!(await el.isVisible())) continue;
    const box = await el.boundingBox();
    expect(box!.height, `${await el.evaluate((e) => e.outerHTML.slice(0, 80))}`).toBeGreaterThanOrEqual(48);
  }
}

test('an admin invites a photographer, who sees only the event they were added to until removed or disabled', async ({ browser }) => {
  const admin = await adminPage(browser);
  const today = new Date().toISOString().slice(0, 10);
  const email = `ph-${Date.now()}@example.lv`;
  const mine = await createEvent(admin.request, `Photographer's event ${Date.now()}`, undefined, today);
  const other = await createEvent(admin.request, `Somebody else's event ${Date.now()}`, undefined, today);

  // The invitation: a link (and its QR) to pass on by hand.
  await admin.getByRole('link', { name: 'Accounts' }).click();
  await expect(admin).toHaveURL(/\/dashboard\/users$/);
  await hydrated(admin);
  await admin.getByLabel('Email address').fill(email);
  await admin.getByLabel('Role', { exact: true }).selectOption('photographer');
  await admin.getByRole('button', { name: 'Invite', exact: true }).click();
  const linkField = admin.getByLabel('Invitation link', { exact: true });
  await expect(linkField).toHaveValue(/\/welcome#[A-Za-z0-9_-]{22}$/);
  const link = await linkField.inputValue();
  await expect(admin.getByRole('img', { name: 'QR code of the invitation link' })).toBeVisible();
  await expect(admin.getByRole('cell', { name: email, exact: true })).toBeVisible();
  await expectAccessible(admin, 'accounts page with an invitation');
  await expectTargets(admin, 'main button, main select, main input');

  // The organiser (here the admin) adds the photographer to one event.
  await admin.goto(`/dashboard/events/${mine}`);
  await hydrated(admin);
  await admin.getByLabel("Photographer's email address").fill(email);
  await admin.getByRole('button', { name: 'Add photographer' }).click();
  await expect(admin.getByText('The photographer was added.')).toBeVisible();
  await expect(admin.getByRole('button', { name: `Remove ${email} from this event` })).toBeVisible();
  await expectAccessible(admin, 'event page with a photographer');

  // The photographer opens the link in their own browser and sets a password.
  const phCtx = await browser.newContext({ locale: 'en-US' });
  const ph = await phCtx.newPage();
  await ph.goto(link);
  await hydrated(ph);
  await expect(ph.getByText(`Set the password for ${email}`)).toBeVisible();
  await expect(ph).toHaveURL(/\/welcome$/); // the token is out of the address bar
  await expectAccessible(ph, 'welcome page');
  await ph.getByLabel('New password').fill('password1234');
  await ph.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(ph.getByRole('alert')).toContainText('too common');
  await ph.getByLabel('New password').fill('Velvet harbour kite 47');
  await ph.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(ph).toHaveURL(/\/scan$/);
  const picker = ph.getByLabel('Event');
  await expect(picker.locator('option')).toHaveCount(1);
  await expect(picker.locator('option')).toHaveText([/Photographer's event/]);
  await expect(ph.locator(`option[value="${other}"]`)).toHaveCount(0);
  // The link worked once.
  const again = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await again.goto(link);
  await hydrated(again);
  await expect(again.getByRole('alert')).toContainText('no longer works');
  await again.context().close();

  // Removed: the event is gone on the next page load.
  await admin.getByRole('button', { name: `Remove ${email} from this event` }).click();
  await expect(admin.getByText('No photographers yet.')).toBeVisible();
  await ph.reload();
  await hydrated(ph);
  await expect(ph.getByText('There are no events to scan at now.')).toBeVisible();

  // Their own account page, then the account is disabled under the open page: its next
  // action signs it out.
  await ph.getByRole('link', { name: 'My account' }).click();
  await expect(ph.getByRole('heading', { name: 'My account', level: 1 })).toBeVisible();
  await expectAccessible(ph, 'my account');
  await admin.goto('/dashboard/users');
  await hydrated(admin);
  await admin.getByRole('button', { name: `Disable ${email}` }).click();
  await expect(admin.getByRole('row', { name: new RegExp(email) })).toContainText('Disabled');
  await ph.getByRole('button', { name: 'Sign out my other sessions' }).click();
  await expect(ph).toHaveURL(/\/login$/);
  await expect(ph.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signIn(ph, email, 'Velvet harbour kite 47');
  await expect(ph.getByRole('alert')).toContainText('Wrong');
  await phCtx.close();
  await admin.context().close();
});
