// Issue 3 (in progress) in the browser: registration at a paired kiosk.
// Requirements 1 (minimal fields), 3 (separate explicit choice), 6 (minors),
// 7 (badge), 8 (private code), 9 (the kiosk forgets).
import { test, expect, type Page } from './fixtures';
import { createEvent, demoLogin, expectOnePdfPage, hydrated, kiosk, minorGreenToGuardian, organiser, throughNotice } from './helpers';

async function chooseAdultGreen(page: Page) {
  await expect(page.getByRole('heading', { name: 'Are you under 18?' })).toBeVisible();
  await page.getByRole('radio', { name: 'No, I am 18 or older' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Photos OK' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('count-only event: register with no personal data, badge prints, Done forgets everything', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Count-only meetup');
  const page = await kiosk(browser, org, eventId);

  await throughNotice(page);
  // No fields are enabled: straight to the age question.
  await expect(page.getByRole('heading', { name: 'Are you under 18?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await page.getByRole('radio', { name: 'No, I am 18 or older' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Two equal buttons, nothing pre-selected, Continue disabled until one is chosen.
  await expect(page.getByRole('heading', { name: 'May we photograph you?' })).toBeVisible();
  const green = page.getByRole('radio', { name: 'Photos OK' });
  const red = page.getByRole('radio', { name: 'No photos' });
  await expect(green).toHaveAttribute('aria-checked', 'false');
  await expect(red).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
  await red.click();
  await expect(red).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  await expect(page.getByRole('heading', { name: 'Your badge is printing' })).toBeVisible();
  await expect(page.locator('.badge-red')).toContainText('NO PHOTOS');
  await expect(page.locator('.badge-red svg').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).__prints)).toBeGreaterThan(0);
  const code = (await page.locator('.private-code .code').textContent())!.trim();
  expect(code).toMatch(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/);

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(code);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  await org.context().close();
  await page.context().close();
});

test('full-field event: required fields enforced, a minor needs a guardian for green, name on the badge', async ({ browser }) => {
  const org = await organiser(browser);
  const rule = (required: boolean) => ({ enabled: true, required });
  const eventId = await createEvent(org.request, 'Full-field forum', {
    languages: ['en', 'lv'],
    controller_name: 'Forum Foundation',
    fields: {
      first_name: rule(true),
      last_name: rule(false),
      organisation: rule(false),
      role_title: rule(false),
      email: rule(true),
      phone: rule(false),
    },
    print_name: true,
  });
  const page = await kiosk(browser, org, eventId);

  await throughNotice(page);
  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
  for (const label of ['First name', 'Last name', 'Organisation', 'Role or title', 'Email', 'Phone']) {
    await expect(page.getByLabel(label)).toBeVisible();
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please fill in: First name, Email');
  await page.getByLabel('First name').fill('Anna');
  await page.getByLabel('Last name').fill('Bērziņa');
  await page.getByLabel('Email').fill('anna@example.lv');
  await page.getByRole('button', { name: 'Continue' }).click();

  // A minor choosing green must have a guardian's name, confirmation and signature.
  await minorGreenToGuardian(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText("Green needs the guardian's name, confirmation and signature.");
  await page.getByLabel("Parent or guardian's full name").fill('Pēteris Bērziņš');
  await page.getByLabel('I am the parent or guardian of this attendee and I agree to photos').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toBeVisible(); // still no signature
  const pad = await page.getByRole('img', { name: 'Signature' }).boundingBox();
  await page.mouse.move(pad!.x + 20, pad!.y + 20);
  await page.mouse.down();
  await page.mouse.move(pad!.x + 120, pad!.y + 60, { steps: 5 });
  await page.mouse.move(pad!.x + 220, pad!.y + 30, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Check and print' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  const badge = page.locator('.badge-green');
  await expect(badge).toContainText('PHOTOS OK');
  await expect(badge).toContainText('Anna Bērziņa');
  await expect(badge).not.toContainText('anna@example.lv');

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  for (const text of ['Anna', 'Bērziņa', 'anna@example.lv', 'Pēteris']) {
    expect(await page.content()).not.toContain(text);
  }
  await org.context().close();
  await page.context().close();
});

test('after the idle timeout the kiosk returns to welcome and keeps nothing', async ({ browser }) => {
  const org = await organiser(browser);
  const rule = { enabled: true, required: false };
  const eventId = await createEvent(org.request, 'Idle test', {
    languages: ['en'],
    idle_timeout_secs: 15,
    fields: { first_name: rule },
  });
  const page = await kiosk(browser, org, eventId, true);
  await throughNotice(page);
  await page.getByLabel('First name').fill('Idle Person');
  // runFor fires the 1-second idle tick every time (fastForward would fire it once).
  await page.clock.runFor(20_000);
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  expect(await page.content()).not.toContain('Idle Person');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  await org.context().close();
  await page.context().close();
});

/** Issue 12 point 2: one page, exactly the stock's size (within 0.5 mm). */
async function expectOneStockPage(page: Page, what: string, w: number, h: number) {
  await expectOnePdfPage(page, what, w, h);
}

test('printing a badge gives exactly one page of the stock size, at the kiosk, on behalf and on reprint', async ({ browser }) => {
  const org = await organiser(browser);
  await org.addInitScript(() => {
    window.print = () => {};
  });
  const mm = (v: number) => (v * 72) / 25.4;
  for (const [stock, w, h] of [
    ['cr80', mm(86), mm(54)],
    ['a6', mm(105), mm(148)],
    ['label62x100', mm(62), mm(100)],
    ['label4x3in', 4 * 72, 3 * 72],
  ] as const) {
    const eventId = await createEvent(org.request, `Stock ${stock}`, {
      languages: ['en'],
      badge_stock: stock,
      print_name: true,
      fields: { first_name: { enabled: true, required: false } },
    });
    // The kiosk, right after "Confirm and print badge".
    const page = await kiosk(browser, org, eventId);
    await throughNotice(page);
    await page.getByLabel('First name').fill('Kioska');
    await page.getByRole('button', { name: 'Continue' }).click();
    await chooseAdultGreen(page);
    await page.getByRole('button', { name: 'Confirm and print badge' }).click();
    await expect(page.locator('.badge-green')).toContainText('Kioska');
    await expectOneStockPage(page, `${stock} kiosk`, w, h);
    await page.context().close();

    // Registered on behalf by the organiser.
    await org.goto(`/dashboard/events/${eventId}/attendees`);
    await hydrated(org);
    await org.getByRole('link', { name: 'Register an attendee' }).click();
    await org.getByLabel('First name').fill('Printa');
    await org.getByRole('radio', { name: 'Photos OK' }).click();
    await org.getByRole('button', { name: 'Register and print the badge' }).click();
    await expect(org.locator('.badge-print .badge-green')).toContainText('Printa');
    await expectOneStockPage(org, `${stock} on behalf`, w, h);

    // Reprinted from the attendee's page.
    await org.goto(`/dashboard/events/${eventId}/attendees`);
    await hydrated(org);
    await org.getByRole('link', { name: 'Printa' }).click();
    await org.getByRole('button', { name: 'Reprint badge' }).click();
    await expect(org.locator('.badge-print .badge-green')).toContainText('Printa');
    await expectOneStockPage(org, `${stock} reprint`, w, h);
  }
  await org.context().close();
});

test('the organiser sets fields and notice details in the settings form and the kiosk follows', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Settings form event');
  await org.goto('/dashboard');
  await hydrated(org);
  const card = org.getByRole('listitem').filter({ has: org.getByRole('heading', { name: 'Settings form event' }) });
  await card.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(org.getByRole('heading', { name: 'Settings: Settings form event' })).toBeVisible();

  // Defaults: nothing asked, so "required" cannot be ticked yet.
  await expect(org.getByRole('checkbox', { name: 'First name: Asked' })).not.toBeChecked();
  await expect(org.getByRole('checkbox', { name: 'First name: Required' })).toBeDisabled();
  await org.getByRole('checkbox', { name: 'First name: Asked' }).check();
  await org.getByRole('checkbox', { name: 'First name: Required' }).check();
  await org.getByLabel('Controller name').fill('Settings Test Foundation');
  await org.getByRole('button', { name: 'Add a purpose' }).click();
  await org.getByLabel('Purpose', { exact: true }).fill('Event photography');
  await org.getByLabel('Legal basis').fill('Consent');
  await org.getByRole('button', { name: 'Save settings' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(org.locator('.notice[lang="en"]')).toContainText('Controller: Settings Test Foundation');
  await expect(org.locator('.notice[lang="en"]')).toContainText('Event photography (legal basis: Consent)');

  // A wrong value is refused in plain words and nothing is lost.
  await org.getByLabel('Keep attendee data for (days after the event ends)').fill('0');
  await org.getByRole('button', { name: 'Save settings' }).click();
  await expect(org.getByRole('alert')).toHaveText('Keep attendee data for 1 to 3650 days after the event ends.');
  await org.reload();
  await expect(org.getByLabel('Controller name')).toHaveValue('Settings Test Foundation');
  await expect(org.getByRole('checkbox', { name: 'First name: Required' })).toBeChecked();

  const page = await kiosk(browser, org, eventId);
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByText('Controller: Settings Test Foundation')).toBeVisible();
  await page.getByRole('button', { name: 'I have read this – continue' }).click();
  await expect(page.getByLabel('First name')).toBeVisible();
  await expect(page.getByText('(required)')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await org.context().close();
  await page.context().close();
});

test('the next attendee starts in the event language after Done and after the idle timeout', async ({ browser }) => {
  // Issue 12 point 4: the language cookie of a Latvian speaker must not carry over.
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Language reset', { languages: ['en', 'lv'], idle_timeout_secs: 15 });
  const page = await kiosk(browser, org, eventId, true);
  await page.getByRole('button', { name: 'Latviešu' }).click();
  await page.getByRole('button', { name: 'Reģistrēties', exact: true }).click();
  await page.getByRole('button', { name: 'Esmu izlasījis – turpināt' }).click();
  await page.getByRole('radio', { name: 'Nē, man ir 18 vai vairāk' }).click();
  await page.getByRole('button', { name: 'Turpināt' }).click();
  await page.getByRole('radio', { name: 'Nefotografēt' }).click();
  await page.getByRole('button', { name: 'Turpināt' }).click();
  await page.getByRole('button', { name: 'Apstiprināt un drukāt identifikatoru' }).click();
  await expect(page.locator('.badge-red')).toBeVisible();
  await page.getByRole('button', { name: 'Gatavs' }).click();
  // The next attendee: English, the event's default language, and the switch still works.
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Latviešu' }).click();
  await page.getByRole('button', { name: 'Reģistrēties', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Esmu izlasījis – turpināt' })).toBeVisible();
  // Walked away mid-way in Latvian: the idle timeout brings back English too.
  await page.clock.runFor(20_000);
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  // And a reload (a new day at the desk) starts in English as well.
  await page.getByRole('button', { name: 'Latviešu' }).click();
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await org.context().close();
  await page.context().close();
});

test('an attendee cannot unpair the kiosk or sign in; staff unpair it with their own password', async ({ browser }) => {
  // Issue 12 point 3 (requirement 22).
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Desk staff test', { languages: ['en'] });
  const page = await kiosk(browser, org, eventId);
  // Freshly paired, before any reload: no sign-in and nothing about pairing on any screen.
  const noStaffControls = async () => {
    await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Unpair this tablet' })).toHaveCount(0);
    await expect(page.getByText('Unpair', { exact: false })).toHaveCount(0);
    // The name in the header leads back to registration, not to the organisers' start page.
    await expect(page.getByRole('link', { name: 'Lanyard' })).toHaveAttribute('href', '/kiosk');
  };
  await noStaffControls();
  await throughNotice(page);
  await noStaffControls();
  await chooseAdultGreen(page);
  await noStaffControls();
  await page.getByRole('button', { name: 'Confirm and print badge' }).click();
  await expect(page.locator('.badge-green')).toBeVisible();
  await noStaffControls();

  // Staff open /kiosk/staff on the tablet. A wrong password or another account does nothing.
  await page.goto('/kiosk/staff');
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Staff: unpair this tablet' })).toBeVisible();
  const { email, password } = demoLogin();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Unpair this tablet' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await page.goto('/kiosk');
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();

  await page.goto('/kiosk/staff');
  await hydrated(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Unpair this tablet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'This tablet is unpaired.' })).toBeVisible();
  await page.getByRole('link', { name: 'Pair this tablet' }).click();
  await expect(page.getByRole('heading', { name: 'This tablet is not paired yet' })).toBeVisible();
  // The tablet was not signed in as the organiser.
  await expect(page.getByRole('link', { name: 'Events' })).toHaveCount(0);
  await org.context().close();
  await page.context().close();
});
