// Issue 6 in the browser: an attendee uses their private code on /me (download their
// data, switch to red, ask for removal), and the organiser works a removal request to the
// end (delete, blur, keep with a reason, takedowns, close) and exports afterwards.
// Requirements 5, 15, 16, 17, 19.
import { test, expect, type APIRequestContext, type Page } from './fixtures';
import jpeg from 'jpeg-js';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { createEvent, expectTouchTargets, hydrated, noticeVersion, organiser } from './helpers';

const FIELDS = {
  languages: ['en', 'lv'],
  fields: {
    first_name: { enabled: true, required: true },
    last_name: { enabled: false, required: false },
    organisation: { enabled: false, required: false },
    role_title: { enabled: false, required: false },
    email: { enabled: true, required: false },
    phone: { enabled: false, required: false },
  },
};

/** A textured JPEG, different per seed. */
function photo(seed: number): Buffer {
  const width = 480;
  const height = 320;
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = ((x * 7) ^ (y * 3)) % 256;
      data[i + 1] = ((y * 255) / height + seed * 50) % 256;
      data[i + 2] = ((x * y) / 64 + seed * 31) % 256;
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 90).data);
}

/** Registers `first_name` (green) on the organiser's side: (attendee id, badge token, private code). */
async function register(req: APIRequestContext, eventId: string, first: string, email: string) {
  const reg = await req.post('/api/attendees/register', {
    data: {
      event_id: eventId,
      registration: { fields: { first_name: first, email }, consent: { choice: 'green', notice: await noticeVersion(req, eventId) } },
    },
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const code = (await reg.json()).private_code as string;
  const list = await (await req.post('/api/attendees/list', { data: { event_id: eventId, filter: { q: first } } })).json();
  const id = list.rows[0].id as number;
  const detail = await (await req.post('/api/attendees/detail', { data: { event_id: eventId, attendee_id: id } })).json();
  return { id, token: String(detail.badge_path).split('/b/')[1], code };
}

/** Uploads a photo and tags the badge's person in it; optionally records a publication. */
async function taggedPhoto(req: APIRequestContext, eventId: string, seed: number, token: string, url?: string) {
  const up = await req.post('/media/photos', {
    multipart: { event: eventId, utc_offset: '0', file: { name: `IMG_${seed}.jpg`, mimeType: 'image/jpeg', buffer: photo(seed) } },
  });
  expect(up.status(), await up.text()).toBe(201);
  const { photo: id } = await up.json();
  const tag = await req.post('/api/photos/tag', { data: { photo_id: id, by: { by: 'badge', code: token }, region: null } });
  expect(tag.status(), await tag.text()).toBe(200);
  // Issue 14: only an organiser's review makes a tagged photo publishable.
  const review = await req.post('/api/photos/review', { data: { photo_id: id, value: true } });
  expect(review.status(), await review.text()).toBe(200);
  if (url) {
    const pub = await req.post('/api/photos/publication', {
      data: { photo_id: id, channel: 'website', url, published_on: '2026-11-20' },
    });
    expect(pub.status(), await pub.text()).toBe(200);
  }
  return id as string;
}

/** The files of a stored ZIP (stored or deflated entries; sizes in the local headers). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const extraLen = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLen).toString();
    const start = at + 30 + nameLen + extraLen;
    const raw = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at = start + size;
  }
  return out;
}

/** Builds the event's export and returns the photo ids in its manifest with their reasons. */
async function exported(req: APIRequestContext, eventId: string): Promise<Map<string, string>> {
  const job = await (await req.post('/api/photos/export', { data: { event_id: eventId, max_side: 1024 } })).json();
  await expect
    .poll(async () => (await (await req.post('/api/photos/export-status', { data: { job: job.job } })).json()).ready)
    .toBe(true);
  const zip = await req.get(`/media/exports/${job.job}`);
  expect(zip.status()).toBe(200);
  const files = unzip(Buffer.from(await zip.body()));
  const manifest = files.get('manifest.csv')!.toString().trim().split('\n').slice(1);
  const photos = new Map<string, string>();
  for (const line of manifest) {
    const [file, id, , reason] = line.split(',');
    // The formula-safe CSV writer puts ' before a cell starting with - = + or @, and a
    // random photo id starts with - one time in 64.
    if (file) photos.set(id.replace(/^'(?=[-=+@])/, ''), reason);
  }
  return photos;
}

async function openRequests(org: Page, eventId: string) {
  await org.goto(`/dashboard/events/${eventId}/requests`);
  await hydrated(org);
  await expect(org.getByRole('heading', { name: 'Data-subject requests' })).toBeVisible();
}

test('an attendee downloads their data, switches to red and asks for removal; the organiser sees the request', async ({ browser }) => {
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Open day', FIELDS);
  const liga = await register(org.request, eventId, 'Līga', 'liga@example.lv');
  await taggedPhoto(org.request, eventId, 1, liga.token);
  await taggedPhoto(org.request, eventId, 2, liga.token);

  // The attendee, on their phone: the code in the form, never in the address.
  const ctx = await browser.newContext({ locale: 'en-US' });
  const me = await ctx.newPage();
  await me.goto('/me');
  await hydrated(me);
  await expect(me.getByRole('heading', { name: 'My data', level: 1 })).toBeVisible();
  await me.getByLabel('Your private code').fill('WRONG-CODE-0000');
  await me.getByRole('button', { name: 'Show my data' }).click();
  await expect(me.getByRole('alert')).toContainText('That code is not right');
  await me.getByLabel('Your private code').fill(liga.code.toLowerCase());
  await me.getByRole('button', { name: 'Show my data' }).click();
  await expect(me.getByRole('heading', { name: 'Your details' })).toBeVisible();
  expect(me.url()).not.toContain(liga.code);
  expect(me.url().toLowerCase()).not.toContain(liga.code.toLowerCase());
  // Each part of the page opens on demand (issue 12 point 6).
  await me.getByRole('button', { name: 'See or correct your details', exact: true }).click();
  await expect(me.getByText('liga@example.lv')).toBeVisible();
  await me.getByRole('button', { name: 'See the photos', exact: true }).click();
  await expect(me.getByRole('img', { name: /^Photo \d you are tagged in$/ })).toHaveCount(2);
  await expectTouchTargets(me);

  // Download: the JSON names every field, the consent history and the notice text.
  await me.getByRole('button', { name: 'Download your data', exact: true }).click();
  const download = me.waitForEvent('download');
  await me.getByRole('button', { name: 'Download my data (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^lanyard-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(Object.keys(data.fields).sort()).toEqual(['email', 'first_name', 'last_name', 'organisation', 'phone', 'role_title']);
  expect(data.fields.first_name).toBe('Līga');
  expect(data.fields.email).toBe('liga@example.lv');
  expect(data.consent_history).toHaveLength(1);
  expect(data.consent_history[0].choice).toBe('green');
  expect(data.consent_history[0].notice_text).toContain('Open day');
  expect(data.photos).toHaveLength(2);
  const csvDownload = me.waitForEvent('download');
  await me.getByRole('button', { name: 'Download my data (CSV)' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8');
  // RFC 4180 line ends (CRLF), cells that could start a formula escaped (issue 14).
  expect(csv.split('\r\n')[0]).toBe('section,item,key,value');
  expect(csv).toContain('fields,,email,liga@example.lv');

  // Withdraw in one step: red, recorded; the thumbnails are no longer shown.
  await me.getByRole('button', { name: 'Switch to no photos (red)' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Your photo choice is saved: No photos' })).toBeVisible();
  await expect(me.getByRole('img', { name: /you are tagged in$/ })).toHaveCount(0);
  await expect(me.getByRole('button', { name: 'Switch to photos OK (green)' })).toBeVisible();

  // Ask for removal of every photo, with a message.
  await me.getByRole('button', { name: 'Remove photos of you', exact: true }).click();
  await me.getByRole('radio', { name: 'All photos' }).check();
  await me.getByLabel('Message about the removal (optional)').fill('Please take down the photos of me.');
  await me.getByRole('button', { name: 'Request removal' }).click();
  await expect(me.getByRole('status').filter({ hasText: 'Your request is received' })).toBeVisible();

  // Done: the data view is gone from the device.
  await me.getByRole('button', { name: 'Done — forget me on this device' }).click();
  await expect(me.getByLabel('Your private code')).toHaveValue('');
  await expect(me.getByText('liga@example.lv')).toHaveCount(0);
  await ctx.close();

  // The organiser sees the request, due one month after today, with both photos.
  await openRequests(org, eventId);
  const today = new Date();
  const received = today.toISOString().slice(0, 10);
  const requestLink = org.getByRole('link', { name: `Open the request of Līga (photo removal, received ${received})` });
  await expect(requestLink).toBeVisible();
  const due = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(today.getUTCDate(), lastDay));
  const dueIso = due.toISOString().slice(0, 10);
  const row = org.getByRole('row').filter({ has: requestLink });
  await expect(row).toContainText(dueIso);
  const days = Math.round((due.getTime() - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / 86_400_000);
  await expect(row).toContainText(`${days} days left`);
  await requestLink.click();
  await expect(org.getByRole('heading', { level: 1 })).toContainText('Līga');
  await expect(org.getByText(dueIso)).toBeVisible();
  await expect(org.getByText('Please take down the photos of me.')).toBeVisible();
  await expect(org.getByRole('heading', { name: 'Photo 1' })).toBeVisible();
  await expect(org.getByRole('heading', { name: 'Photo 2' })).toBeVisible();
  await expect(org.getByRole('heading', { name: 'Photo 3' })).toHaveCount(0);
  await expect(org.getByRole('radiogroup', { name: 'Decision for Photo 1' })).toBeVisible();
  await org.context().close();
});

test('the organiser deletes one photo, blurs another, keeps a third, takes them down and closes; the export follows', async ({ browser }) => {
  test.setTimeout(90_000);
  const org = await organiser(browser);
  const eventId = await createEvent(org.request, 'Council session', FIELDS);
  const person = await register(org.request, eventId, 'Mārtiņš', 'martins@example.lv');
  const p1 = await taggedPhoto(org.request, eventId, 11, person.token, 'https://example.lv/news/1');
  const p2 = await taggedPhoto(org.request, eventId, 12, person.token, 'https://example.lv/news/2');
  const p3 = await taggedPhoto(org.request, eventId, 13, person.token);
  const before = await exported(org.request, eventId);
  expect([...before.keys()].sort()).toEqual([p1, p2, p3].sort());

  // A request by phone: opened on his behalf, identified by the badge code.
  await openRequests(org, eventId);
  await org.getByLabel('Badge code or link').fill(person.token);
  await org.getByRole('radio', { name: 'Photo removal' }).check();
  await org.getByLabel('Their message (optional)').fill('Asked by phone to remove his photos.');
  await org.getByLabel('How was identity checked? (required)').fill('Read back the badge code and email.');
  await org.getByRole('button', { name: 'Open the request' }).click();
  await expect(org.getByRole('heading', { level: 1 })).toContainText('Mārtiņš');
  await expect(org.getByText('Read back the badge code and email.')).toBeVisible();

  // While it is open, every photo of his is blocked from export.
  expect((await exported(org.request, eventId)).size).toBe(0);

  await org.getByRole('button', { name: 'Start review' }).click();
  await expect(org.getByRole('button', { name: 'Start review' })).toHaveCount(0);

  // The photos are listed in capture order (upload order here): p1, p2, p3.
  const decide = async (n: number, decision: string) => {
    await org.getByRole('radiogroup', { name: `Decision for Photo ${n}` }).getByRole('radio', { name: decision }).check();
  };
  // Photo 1: delete, after a confirmation.
  await decide(1, 'Delete');
  await org.getByRole('button', { name: 'Save decision for Photo 1' }).click();
  await org.getByRole('button', { name: 'Yes, delete Photo 1' }).click();
  await expect(org.getByText('Deleted: the photo no longer exists.')).toBeVisible();
  // Photo 2: blur, the region typed with the keyboard.
  await decide(2, 'Blur the person');
  await org.getByLabel('Left % (Photo 2)').fill('25');
  await org.getByLabel('Top % (Photo 2)').fill('25');
  await org.getByLabel('Width % (Photo 2)').fill('50');
  await org.getByLabel('Height % (Photo 2)').fill('50');
  await org.getByRole('button', { name: 'Save decision for Photo 2' }).click();
  await org.getByRole('button', { name: 'Yes, blur Photo 2' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Decision for Photo 2 saved.' })).toBeVisible();
  // Photo 3: keep, with a reason.
  await decide(3, 'Keep (with a reason)');
  await org.getByLabel('Reason for the decision on Photo 3').fill('Public interest: recording of an open council session.');
  await org.getByRole('button', { name: 'Save decision for Photo 3' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Decision for Photo 3 saved.' })).toBeVisible();

  // The takedown checklist blocks closing until every place is done.
  const close = org.getByRole('button', { name: 'Close request' });
  await expect(close).toBeDisabled();
  await org.getByRole('button', { name: 'Mark as taken down: Photo 1, Website' }).click();
  await expect(org.getByRole('button', { name: 'Reopen: Photo 1, Website' })).toBeVisible();
  await expect(close).toBeDisabled();
  await org.getByRole('button', { name: 'Mark as taken down: Photo 2, Website' }).click();
  await expect(org.getByRole('button', { name: 'Reopen: Photo 2, Website' })).toBeVisible();
  await expect(org.getByText('Everything is done; the request can be closed.')).toBeVisible();
  await expectTouchTargets(org);
  await close.click();
  await expect(close).toHaveCount(0);
  const message = org.getByRole('textbox', { name: /^Closing message/ });
  await expect(message).toHaveValue(/Public interest: recording of an open council session\./);
  await expect(message).toHaveValue(/Taken down from 2 place/);
  await expect(org.getByRole('cell', { name: 'photo.file.delete' })).toBeVisible();

  // The export: no trace of the deleted photo, the blurred version of the second, and
  // the kept one only while he is green.
  const setConsent = async (choice: 'red' | 'green') => {
    const r = await org.request.post('/api/attendees/consent', {
      data: { event_id: eventId, attendee_id: person.id, consent: { choice, notice: await noticeVersion(org.request, eventId) } },
    });
    expect(r.status(), await r.text()).toBe(200);
  };
  let photos = await exported(org.request, eventId);
  expect([...photos.keys()].sort()).toEqual([p2, p3].sort());
  expect(photos.get(p2)).toContain('blurred');
  await setConsent('red');
  photos = await exported(org.request, eventId);
  expect([...photos.keys()]).toEqual([p2]);
  await setConsent('green');
  photos = await exported(org.request, eventId);
  expect([...photos.keys()].sort()).toEqual([p2, p3].sort());
  const gone = await org.request.get(`/media/photos/${p1}/thumb.jpg`);
  expect(gone.status()).toBe(404);
  await org.context().close();
});
