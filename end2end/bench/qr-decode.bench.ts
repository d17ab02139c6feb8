// Median time the camera's wasm decoder (`qrscan`: quirc, compiled into the app's wasm)
// takes to find and decode the QR code in one 640×480 greyscale camera frame in headless
// Chromium: the camera's path when the browser has no BarcodeDetector (Chromium on Linux
// has none). The frame is a real badge
// from the demo server, whole in view as the fake camera shows it (fake-camera.ts), with
// sensor noise and a slight blur.
import { writeFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { hydrated, organiser } from '../tests/helpers';
import { demoBadgePng, y4mFromPng } from '../tests/fake-camera';

// The page's Content-Security-Policy allows only its own nonce'd scripts; the bench adds
// one that imports the app's module, so it asks Chromium to skip the policy.
test.use({ bypassCSP: true });

/** `bench_decode_qr` of the page's own wasm module (initialised by the hydration script). */
async function benchDecode(page: Page, luma: Uint8Array, w: number, h: number, n: number): Promise<number> {
  return page.evaluate(
    ({ b64, w, h, n }) => {
      const grey = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return (window as any).__lanyardWasm.bench_decode_qr(grey, w, h, n) as number;
    },
    { b64: Buffer.from(luma).toString('base64'), w, h, n },
  );
}

test('QR decode of a 640×480 camera frame in wasm', async ({ browser, page }, testInfo) => {
  const iterations = Number(process.env.BENCH_ITERATIONS || 51);
  const org = await organiser(browser);

  await page.goto('/');
  await hydrated(page);
  // The app's JS has a hashed name (`/pkg/lanyard.<hash>.js`): take it from the page.
  const js = await page.evaluate(
    () => (document.querySelector('link[rel="modulepreload"][href$=".js"]') as HTMLLinkElement | null)?.getAttribute('href') ?? '/pkg/lanyard.js',
  );
  await page.addScriptTag({
    type: 'module',
    content: `import * as m from '${js}'; window.__lanyardWasm = m;`,
  });
  await page.waitForFunction(() => (window as any).__lanyardWasm !== undefined);

  // Each badge has its own random token, so its own QR pattern; at ~3.6 px a module with
  // blur a decoder may miss some. Time one that decodes (NaN = not read), and say how many missed.
  let frame;
  let misses = 0;
  for (;;) {
    const { png } = await demoBadgePng(browser, org, 'green');
    frame = await y4mFromPng(png, testInfo.outputPath('badge.y4m'), { frames: 1, noise: 4, blur: 0.7 });
    if (!Number.isNaN(await benchDecode(page, frame.luma, frame.width, frame.height, 1))) break;
    expect(++misses, 'no badge frame was read').toBeLessThan(5);
  }
  expect([frame.width, frame.height]).toEqual([640, 480]);
  // The frame itself, for trying decoders outside the app (raw 8-bit luma, 640×480).
  if (process.env.BENCH_FRAME_OUT) writeFileSync(process.env.BENCH_FRAME_OUT, frame.luma);

  await benchDecode(page, frame.luma, frame.width, frame.height, 5); // warm-up
  const median = await benchDecode(page, frame.luma, frame.width, frame.height, iterations);
  expect(Number.isNaN(median), 'the QR code in the frame was not read').toBe(false);
  const line =
    `QR decode in wasm (headless Chromium), 640×480 badge frame: median ${median.toFixed(1)} ms ` +
    `over ${iterations} runs (badges not read first: ${misses})`;
  console.log(line);
  testInfo.annotations.push({ type: 'result', description: line });
});
