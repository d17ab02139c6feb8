// Issue 4, item 2: scanning a badge with the camera. Chromium's fake camera plays a
// y4m video made from a real badge PNG drawn by the server (fake-camera.ts); the QrCamera
// component on /scan must read its QR code and the page show the badge's colour.
import { test, expect } from '@playwright/test';
import { demoLogin, hydrated, organiser, signIn } from './helpers';
import { demoBadgePng, launchWithFakeCamera, y4mFromPng } from './fake-camera';

test('the camera on /scan reads a real badge QR and shows "Photos OK"', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);

  const org = await organiser(browser);
  const { png, eventId } = await demoBadgePng(browser, org, 'green');
  await org.context().close();
  // The whole badge in view, with sensor noise different in every frame. (The QR is then
  // only ~3.6 px a module; with blur on top rqrr misses some badges.)
  const y4m = testInfo.outputPath('badge.y4m');
  await y4mFromPng(png, y4m, { noise: 4 });

  const camera = await launchWithFakeCamera(y4m);
  try {
    const ctx = await camera.newContext({ locale: 'en-US', baseURL: testInfo.project.use.baseURL });
    const page = await ctx.newPage();
    const { email, password } = demoLogin();
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto('/scan');
    await hydrated(page);
    await page.getByLabel('Event', { exact: true }).selectOption(eventId);
    await expect(
      page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Photos OK' }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Camera not available')).toHaveCount(0);
  } finally {
    await camera.close();
  }
});
