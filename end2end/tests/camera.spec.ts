// Issue 4, item 2: scanning a badge with the camera. Chromium's fake camera plays a
// y4m video made from a real badge PNG drawn by the server (fake-camera.ts); the QrCamera
// component on /scan must read its QR code, the page show the badge's colour, and the
// scan log hold exactly one scan for it (the video loops: de-duplication must hold).
import { test, expect } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { demoOrganiserIn, hydrated, organiser } from './helpers';
import { demoBadgePng, launchWithFakeCamera, y4mFromPng } from './fake-camera';

/** The demo organiser on /scan in `camera`'s browser, scanning for `eventId`. */
async function scanning(camera: Browser, eventId: string, baseURL: string | undefined): Promise<Page> {
  const page = await demoOrganiserIn(camera, baseURL);
  await page.goto('/scan');
  await hydrated(page);
  await page.getByLabel('Event', { exact: true }).selectOption(eventId);
  return page;
}

for (const [choice, words] of [
  ['green', 'Photos OK'],
  ['red', 'No photos'],
] as const) {
  test(`the camera on /scan reads a real ${choice} badge QR, shows "${words}" and logs one scan`, async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const org = await organiser(browser);
    const { png, eventId } = await demoBadgePng(browser, org, choice);
    // A little sensor noise, as a real camera would give.
    const y4m = testInfo.outputPath(`badge-${choice}.y4m`);
    await y4mFromPng(png, y4m, { noise: 4 });

    const camera = await launchWithFakeCamera(y4m);
    try {
      const page = await scanning(camera, eventId, testInfo.project.use.baseURL);
      const verdict = page.locator('.scan-verdict');
      await expect(verdict).toHaveClass(new RegExp(`verdict-${choice}`), { timeout: 20_000 });
      await expect(page.getByRole('alert')).toHaveText(new RegExp(words, 'i'));
      await expect(page.getByText('Camera not available')).toHaveCount(0);
      // The badge stays in view for a while: still one scan.
      await page.waitForTimeout(2500);
      const log = async () =>
        (await org.request.post('/api/scan/event-log', { data: { event_id: eventId } })).json();
      await expect.poll(async () => (await log()).length).toBe(1);
      expect((await log())[0].shown).toBe(choice);
    } finally {
      await camera.close();
      await org.context().close();
    }
  });
}

// Issue 19, point 3: a badge a few steps away, filling a third of a 1920×1080 camera
// frame's width (its QR modules about 3.8 px there, 1.3 px once the whole frame is
// downscaled to 640). The scanner asks for 1920×1080 and decodes every other frame's
// centre at that resolution, so the badge reads (camera.rs, `frame_region`).
test('the camera reads a badge that fills a third of a 1920×1080 frame', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const org = await organiser(browser);
  const { png, eventId } = await demoBadgePng(browser, org, 'green');
  const y4m = testInfo.outputPath('badge-far.y4m');
  const frame = await y4mFromPng(png, y4m, { width: 1920, height: 1080, widthShare: 1 / 3, noise: 4, blur: 0.7, frames: 3 });
  expect([frame.width, frame.height]).toEqual([1920, 1080]);
  // The badge really is a third of the width: count the columns with badge ink (not white).
  let inked = 0;
  for (let x = 0; x < frame.width; x++) {
    let dark = false;
    for (let y = 0; y < frame.height && !dark; y += 4) dark = frame.luma[y * frame.width + x] < 200;
    if (dark) inked++;
  }
  expect(inked / frame.width).toBeGreaterThan(0.3);
  expect(inked / frame.width).toBeLessThan(0.34);

  const camera = await launchWithFakeCamera(y4m);
  try {
    const page = await scanning(camera, eventId, testInfo.project.use.baseURL);
    await expect(page.locator('.scan-verdict')).toHaveClass(/verdict-green/, { timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveText(/Photos OK/i);
  } finally {
    await camera.close();
    await org.context().close();
  }
});
