// Benchmark, not a test (issue 12 point 1): the server's peak memory while a 40 MB
// camera-size JPEG streams in through `POST /media/photos`. Starts the release binary on
// a free port with a temporary data dir, uploads the file, and reads the server's VmHWM
// (peak resident set) from /proc before and after.
//
//   source scripts/env.sh && cargo leptos build --release --precompress
//   cd end2end && LANYARD_BIN="$CARGO_TARGET_DIR/release/lanyard" node bench/upload-rss.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import jpeg from 'jpeg-js';

const bin = process.env.LANYARD_BIN;
if (!bin) throw new Error('LANYARD_BIN must name the built lanyard binary');
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'lanyard-rss-'));
const server = spawn(bin, ['serve', '--demo', '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const login = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = out.match(/Organiser login: (\S+) \/ (\S+)/);
    if (m) resolve({ email: m[1], password: m[2] });
  });
  server.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
});
const base = `http://127.0.0.1:${port}`;
const peakKb = () => Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)[1]);

// A 40 MiB camera-size JPEG: 4600 x 3100 (14.3 MP) of full-range per-pixel noise at
// quality 97 (about 39 MiB), padded after its end to exactly 40 MiB.
function cameraJpeg(width, height) {
  const data = Buffer.alloc(width * height * 4);
  let s = 987654321;
  for (let i = 0; i < width * height; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i * 4] = s >>> 24;
    data[i * 4 + 1] = (s >>> 16) & 255;
    data[i * 4 + 2] = (s >>> 8) & 255;
    data[i * 4 + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 97).data);
}
let photo = cameraJpeg(4600, 3100);
// Pad after the JPEG's end up to 40 MB if the encoder came out smaller.
const target = 40 * 1024 * 1024;
if (photo.length < target) photo = Buffer.concat([photo, Buffer.alloc(target - photo.length)]);

const signIn = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(login),
});
const cookie = signIn.headers.get('set-cookie').split(';')[0];
const created = await fetch(`${base}/api/events/create`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  body: new URLSearchParams({ name: 'RSS bench', starts_on: '', ends_on: '', venue: '', default_lang: 'en' }),
});
const event = (await created.json()).id;

const before = peakKb();
const form = new FormData();
form.append('event', event);
form.append('utc_offset', '0');
form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'DSC_4000.JPG');
const started = Date.now();
const res = await fetch(`${base}/media/photos`, { method: 'POST', headers: { cookie }, body: form });
const took = Date.now() - started;
const after = peakKb();
console.log(`upload of ${(photo.length / 1048576).toFixed(1)} MiB: HTTP ${res.status} in ${took} ms`);
console.log(`server peak RSS: ${(before / 1024).toFixed(1)} MiB before, ${(after / 1024).toFixed(1)} MiB after the upload`);
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
if (res.status !== 201) process.exit(1);
