// Issue 5 in the browser: upload three photos with progress bars, tag a person from a
// scan-time suggestion, and watch the photo switch between publishable and blocked as
// that person's consent changes. Requirements 11, 14, 22.
import { test, expect, type Page } from './fixtures';
import jpeg from 'jpeg-js';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createEvent, demoOrganiserIn, expectTouchTargets, hydrated, NAME_FIELDS, noticeVersion, organiser } from './helpers';
import { demoBadgePng, launchWithFakeCamera, y4mFromPng } from './fake-camera';

/** An EXIF APP1 segment with DateTimeOriginal and OffsetTimeOriginal (little-endian TIFF). */
function exifApp1(taken: Date): Buffer {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${taken.getUTCFullYear()}:${pad(taken.getUTCMonth() + 1)}:${pad(taken.getUTCDate())} ` +
    `${pad(taken.getUTCHours())}:${pad(taken.getUTCMinutes())}:${pad(taken.getUTCSeconds())}\0`;
  const offset = '+00:00\0';
  // TIFF header (8) | IFD0: 1 entry (2 + 12 + 4) | Exif IFD: 2 entries (2 + 24 + 4) | data
  const ifd0 = 8;
  const exifIfd = ifd0 + 2 + 12 + 4;
  const data = exifIfd + 2 + 24 + 4;
  const buf = Buffer.alloc(data + stamp.length + offset.length);
  buf.write('II', 0, 'ascii');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifd0, 4);
  buf.writeUInt16LE(1, ifd0);
  // ExifIFDPointer (0x8769), LONG, 1, offset
  buf.writeUInt16LE(0x8769, ifd0 + 2);
  buf.writeUInt16LE(4, ifd0 + 4);
  buf.writeUInt32LE(1, ifd0 + 6);
  buf.writeUInt32LE(exifIfd, ifd0 + 10);
  buf.writeUInt32LE(0, ifd0 + 14);
  buf.writeUInt16LE(2, exifIfd);
  // DateTimeOriginal (0x9003), ASCII
  buf.writeUInt16LE(0x9003, exifIfd + 2);
  buf.writeUInt16LE(2, exifIfd + 4);
  buf.writeUInt32LE(stamp.length, exifIfd + 6);
  buf.writeUInt32LE(data, exifIfd + 10);
  // OffsetTimeOriginal (0x9011), ASCII
  buf.writeUInt16LE(0x9011, exifIfd + 14);
  buf.writeUInt16LE(2, exifIfd + 16);
  buf.writeUInt32LE(offset.length, exifIfd + 18);
  buf.writeUInt32LE(data + stamp.length, exifIfd + 22);
  buf.writeUInt32LE(0, exifIfd + 26);
  buf.write(stamp, data, 'ascii');
  buf.write(offset, data + stamp.length, 'ascii');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'ascii'), buf]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A textured JPEG taken at `taken` according to its EXIF. */
function photo(seed: number, taken: Date): Buffer {
  const width = 900;
  const height = 600;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 255) / width;
      data[i + 1] = ((y * 255) / height + seed * 40) % 256;
      data[i + 2] = ((x ^ y) + seed * 17) % 256;
      data[i + 3] = 255;
    }
  }
  const encoded = jpeg.encode({ data, width, height }, 85).data;
  // After SOI (FFD8): the EXIF segment.
  return Buffer.concat([encoded.subarray(0, 2), exifApp1(taken), encoded.subarray(2)]);
}

/** A camera-size JPEG (issue 12: realistic fixtures): `width` x `height` of a gradient
 * under per-pixel noise at quality 92, so it does not compress: 4000 x 3000 is about 13 MB. */
function cameraPhoto(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  let s = 12345;
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = s >>> 8;
    data[i * 4] = ((i % width) * 200) / width + (n & 63);
    data[i * 4 + 1] = (Math.floor(i / width) * 200) / height + ((n >> 6) & 63);
    data[i * 4 + 2] = 100 + ((n >> 12) & 63);
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 92).data);
}

async function stateOf(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Publication' })).toBeVisible();
}

test('upload three photos, tag a person from a scan-time suggestion, and the gate follows consent', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Photo day', NAME_FIELDS);

  // Ilze registers green, and this organiser scans her badge now.
  const reg = await org.request.post('/api/attendees/register', {
    data: {
      event_id: eventId,
      registration: { fields: { first_name: 'Ilze' }, consent: { choice: 'green', notice: await noticeVersion(org.request, eventId) } },
    },
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const list = await (await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: { q: 'Ilze' } } })).json();
  const attendeeId = list.rows[0].id;
  const detail = await (await org.request.post('/api/attendees/detail', { data: { event_id: eventId, attendee_id: attendeeId } })).json();
  const token = String(detail.badge_path).split('/b/')[1];
  const now = new Date();
  const scan = await org.request.post('/api/scan/record', {
    data: { scans: [{ client_scan_id: randomUUID(), token, device_time: now.toISOString(), shown: 'green' }] },
  });
  expect(scan.status(), await scan.text()).toBe(200);

  // Three photos: one taken 40 s after the scan, two an hour and two hours earlier.
  const files = [
    { name: 'stage.jpg', mimeType: 'image/jpeg', buffer: photo(1, new Date(now.getTime() + 40_000)) },
    { name: 'crowd.jpg', mimeType: 'image/jpeg', buffer: photo(2, new Date(now.getTime() - 3_600_000)) },
    { name: 'panel.jpg', mimeType: 'image/jpeg', buffer: photo(3, new Date(now.getTime() - 7_200_000)) },
  ];

  await org.goto(`/photos/${eventId}`);
  await hydrated(org);
  await expect(org.getByRole('heading', { name: 'Photo day – Photos' })).toBeVisible();
  await expect(org.getByText('No photos yet. Upload some above.')).toBeVisible();
  await org.getByLabel('Choose photos').setInputFiles(files);

  // A progress bar per file and one for all, each full at the end, and the outcome.
  for (const f of files) {
    const bar = org.getByRole('progressbar', { name: `Upload of ${f.name}` });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveJSProperty('value', f.buffer.length);
  }
  const overall = org.getByRole('progressbar', { name: 'All files' });
  await expect(overall).toBeVisible();
  await expect(org.getByText('Finished: 3 added, 0 already there, 0 failed.')).toBeVisible();
  await expect(overall).toHaveJSProperty('value', files.reduce((n, f) => n + f.buffer.length, 0));
  await expect(org.getByRole('status').filter({ hasText: 'Added' })).toHaveCount(3);

  // The grid: three photos needing review, newest capture first.
  await expect(org.getByText('3 photos: 0 publishable, 0 blocked, 3 need review (3 untagged).')).toBeVisible();
  const cards = org.getByRole('link', { name: /^Photo taken .*: Needs review, 0 tagged$/ });
  await expect(cards).toHaveCount(3);
  await expectTouchTargets(org);

  // Uploading the same file again adds nothing.
  await org.getByLabel('Choose photos').setInputFiles([files[1]]);
  await expect(org.getByText('Finished: 0 added, 1 already there, 0 failed.')).toBeVisible();
  await expect(org.getByRole('status').filter({ hasText: 'Already in the library' })).toBeVisible();

  // The newest photo: Ilze is suggested from the scan 40 s before it.
  await cards.first().click();
  await expect(org.getByRole('heading', { name: 'Photo', exact: true })).toBeVisible();
  await stateOf(org);
  await expect(org.getByRole('img', { name: 'Preview of the photo' })).toBeVisible();
  await expect(org.getByText('Needs review', { exact: true })).toBeVisible();
  const sugg = org.getByRole('region', { name: 'Scanned near this photo' });
  await expect(sugg.getByText('scanned 40 s before')).toBeVisible();
  await sugg.getByRole('button', { name: 'Add Ilze' }).click();
  // Issue 14: green people alone do not publish a photo; an organiser's review does.
  await expect(org.getByText('Needs review', { exact: true })).toBeVisible();
  await expect(org.getByText('An organiser has not reviewed it since its people last changed.')).toBeVisible();
  await expect(org.getByText('Not reviewed yet.')).toBeVisible();
  await org.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(org.getByText('Publishable', { exact: true })).toBeVisible();
  await expect(org.getByText(/^Reviewed by .+@.+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/)).toBeVisible();
  await expect(org.getByRole('button', { name: 'Withdraw the review' })).toBeVisible();
  await expect(org.getByText('Everyone tagged (1) agreed to photos.')).toBeVisible();
  const people = org.getByRole('region', { name: 'People in this photo' });
  await expect(people.getByText('Ilze', { exact: true })).toBeVisible();
  await expect(people.getByRole('button', { name: 'Remove Ilze' })).toBeVisible();
  await expect(sugg.getByText('No other badges were scanned near this photo\'s time.')).toBeVisible();
  await expectTouchTargets(org);
  const photoUrl = org.url();

  // Ilze changes her mind: red. The photo is blocked at once, with her name and why.
  const changeTo = async (choice: 'No photos' | 'Photos OK') => {
    await org.goto(`/dashboard/events/${eventId}/attendees/${attendeeId}`);
    await hydrated(org);
    await org.getByRole('radio', { name: choice }).click();
    await org.getByRole('button', { name: 'Record the new choice' }).click();
    await expect(org.getByRole('status').filter({ hasText: 'The new choice is recorded.' })).toBeVisible();
    await org.goto(photoUrl);
    await hydrated(org);
    await stateOf(org);
  };
  await changeTo('No photos');
  await expect(org.getByText('Blocked', { exact: true })).toBeVisible();
  await expect(org.getByText('Ilze chose no photos.')).toBeVisible();

  // Back to green: publishable again.
  await changeTo('Photos OK');
  await expect(org.getByText('Publishable', { exact: true })).toBeVisible();

  // The library agrees.
  await org.getByRole('link', { name: 'Back to the photos' }).click();
  await expect(org.getByText('3 photos: 1 publishable, 0 blocked, 2 need review (2 untagged).')).toBeVisible();
  await org.getByLabel('Show').selectOption('publishable');
  await expect(org.getByRole('link', { name: /^Photo taken .*: Publishable, 1 tagged$/ })).toHaveCount(1);
  await expect(org.getByText('Showing 1 photos.')).toBeVisible();
  await org.context().close();
});

test('tag by the phone camera, draw a region, publish blurred, record the publication and export', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const org = await organiser(browser);
  // A red attendee's real badge, shown to Chromium's fake camera.
  const { png, eventId } = await demoBadgePng(browser, org, 'red');
  const y4m = testInfo.outputPath('badge-red.y4m');
  await y4mFromPng(png, y4m, { noise: 4 });
  const camera = await launchWithFakeCamera(y4m);
  try {
    const page = await demoOrganiserIn(camera, testInfo.project.use.baseURL);
    const up = await page.request.post('/media/photos', {
      multipart: {
        event: eventId,
        utc_offset: '0',
        file: { name: 'talk.jpg', mimeType: 'image/jpeg', buffer: photo(4, new Date()) },
      },
    });
    expect(up.status(), await up.text()).toBe(201);
    const { photo: photoId } = await up.json();
    await page.goto(`/photos/${eventId}/p/${photoId}`);
    await hydrated(page);

    // The camera reads the badge and tags its person; the photo is blocked.
    await page.getByRole('button', { name: 'Scan a badge with the camera' }).click();
    const people = page.getByRole('region', { name: 'People in this photo' });
    await expect(people.getByText('Person 1', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(people.getByText('No photos (red)')).toBeVisible();
    await expect(page.getByText('Blocked', { exact: true })).toBeVisible();
    await expect(page.getByText('Person 1 chose no photos.')).toBeVisible();
    const blurBox = page.getByRole('checkbox', { name: 'Publish blurred' });
    await expect(blurBox).toBeDisabled();
    await expect(page.getByText('To publish blurred, mark a region for every person who said no.')).toBeVisible();

    // Draw the region with the pointer over the middle of the photo.
    await people.getByRole('button', { name: 'Mark where Person 1 is' }).click();
    const stage = page.getByRole('img', { name: 'Preview of the photo' });
    await stage.scrollIntoViewIfNeeded();
    const box = (await stage.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 5 });
    await page.mouse.up();
    await expect(people.getByText('region marked')).toBeVisible();

    // Publish blurred: the state says so and the preview is the blurred one.
    await expect(blurBox).toBeEnabled();
    await blurBox.check();
    await expect(page.getByText('Needs review', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await expect(page.getByText('Publishable blurred', { exact: true })).toBeVisible();
    await expect(page.getByText('Published with 1 people blurred.')).toBeVisible();
    const blurred = page.getByRole('img', { name: 'Preview of the photo as published, with people who said no blurred' });
    await expect(blurred).toBeVisible();
    await expect
      .poll(() => blurred.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);

    // The publication ledger.
    await page.getByLabel('Channel').selectOption('website');
    await page.getByLabel('Address (URL)').fill('https://example.lv/gallery');
    await page.getByLabel('Date').fill('2026-11-22');
    await page.getByRole('button', { name: 'Record the publication' }).click();
    const ledger = page.getByRole('region', { name: 'Where it was published' });
    await expect(ledger.getByRole('listitem')).toHaveText('Website · 2026-11-22 · https://example.lv/gallery');
    await expect(ledger.getByRole('link', { name: 'https://example.lv/gallery' })).toBeVisible();

    // The export: progress, then a ZIP holding the one (blurred) photo.
    await page.getByRole('link', { name: 'Back to the photos' }).click();
    await expect(page.getByText('1 photos: 1 publishable, 0 blocked, 0 need review (0 untagged).')).toBeVisible();
    await page.getByLabel('Longest side').selectOption('1024');
    await page.getByRole('button', { name: 'Build the ZIP' }).click();
    await expect(page.getByText('Ready: 1 photos.')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the ZIP' }).click();
    const file = await (await download).path();
    const zip = readFileSync(file);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.includes(Buffer.from('photo-0001.jpg'))).toBe(true);
    expect(zip.includes(Buffer.from('manifest.csv'))).toBe(true);
    expect(zip.includes(Buffer.from('talk.jpg'))).toBe(false);
  } finally {
    await camera.close();
    await org.context().close();
  }
});

test('a camera-size photo (over 8 MB) uploads and its progress bar reaches 100 %', async ({ browser }) => {
  // Issue 12 point 1: a 2 MiB body limit used to refuse every real camera file.
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Camera day', NAME_FIELDS);
  const big = cameraPhoto(4000, 3000);
  expect(big.length).toBeGreaterThan(8 * 1024 * 1024);
  await org.goto(`/photos/${eventId}`);
  await hydrated(org);
  await org.getByLabel('Choose photos').setInputFiles([{ name: 'DSC_1234.JPG', mimeType: 'image/jpeg', buffer: big }]);
  const bar = org.getByRole('progressbar', { name: 'Upload of DSC_1234.JPG' });
  await expect(bar).toBeVisible();
  await expect(org.getByText('Finished: 1 added, 0 already there, 0 failed.')).toBeVisible({ timeout: 60_000 });
  await expect(org.getByRole('status').filter({ hasText: 'Added' })).toHaveCount(1);
  await expect(bar).toHaveJSProperty('max', big.length);
  await expect(bar).toHaveJSProperty('value', big.length);
  await expect(org.getByText('1 photos: 0 publishable, 0 blocked, 1 need review (1 untagged).')).toBeVisible();
  await org.context().close();
});
