// A fake camera for Chromium: a YUV4MPEG2 (.y4m) video made from a PNG (a badge), which
// Chromium plays in a loop as the webcam with --use-file-for-fake-video-capture, and a
// real badge PNG from the demo server to put in it. Used by camera.spec.ts and the
// benchmark in ../bench/.
import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { createEvent, kiosk, kioskNoticeVersion } from './helpers';

export interface Y4mOptions {
  /** Frame size; both even (4:2:0). Default 640×480. */
  width?: number;
  height?: number;
  /** Frames in the file (Chromium loops them at 10 a second). Default 5. */
  frames?: number;
  /** The share of the frame's width and height the PNG may fill, aspect kept. Default 0.95. */
  fill?: number;
  /** Instead of `fill`: the share of the frame's width the PNG fills exactly, aspect kept. */
  widthShare?: number;
  /** Gaussian blur, standard deviation in frame pixels, for a slightly soft lens. Default 0. */
  blur?: number;
  /** Standard deviation of sensor noise added to the luma of every frame (0–255 scale). Default 0. */
  noise?: number;
  /** Seed of the noise, so a run is repeatable. */
  seed?: number;
}

/** The first frame's luma (Y plane), row by row: a greyscale camera frame. */
export interface Y4mFrame {
  width: number;
  height: number;
  luma: Uint8Array;
}

/**
 * Writes a YUV4MPEG2 file (`C420jpeg`, full-range BT.601) to `outPath` showing `png`
 * centred on a white background, scaled (area-averaged) to fill `fill` of the frame.
 * Returns the first frame's luma.
 */
export async function y4mFromPng(png: Buffer, outPath: string, opts: Y4mOptions = {}): Promise<Y4mFrame> {
  const W = opts.width ?? 640;
  const H = opts.height ?? 480;
  const frames = opts.frames ?? 5;
  if (W % 2 || H % 2) throw new Error('y4m 4:2:0 needs an even width and height');

  const src = PNG.sync.read(png);
  // composeOnWhite scales by fill × min(W / width, H / height).
  const fill = opts.widthShare
    ? (opts.widthShare * W) / src.width / Math.min(W / src.width, H / src.height)
    : (opts.fill ?? 0.95);
  const rgb = composeOnWhite(src, W, H, fill);
  if (opts.blur) gaussianBlur(rgb, W, H, opts.blur);

  // Full-range BT.601 (JPEG) colour conversion; chroma averaged over 2×2 pixels.
  const n = W * H;
  const y0 = new Float32Array(n);
  const u = Buffer.alloc(n / 4);
  const v = Buffer.alloc(n / 4);
  for (let i = 0; i < n; i++) {
    const r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
    y0[i] = 0.299 * r + 0.587 * g + 0.114 * b;
  }
  for (let cy = 0; cy < H / 2; cy++) {
    for (let cx = 0; cx < W / 2; cx++) {
      let cb = 0, cr = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const i = (2 * cy + dy) * W + 2 * cx + dx;
        const r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
        cb += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        cr += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      }
      u[cy * (W / 2) + cx] = clamp(cb / 4);
      v[cy * (W / 2) + cx] = clamp(cr / 4);
    }
  }

  const random = gaussian(opts.seed ?? 1);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
  let first: Uint8Array | undefined;
  for (let f = 0; f < frames; f++) {
    const y = Buffer.alloc(n);
    for (let i = 0; i < n; i++) y[i] = clamp(y0[i] + (opts.noise ? opts.noise * random() : 0));
    first ??= new Uint8Array(y);
    parts.push(Buffer.from('FRAME\n'), y, u, v);
  }
  await writeFile(outPath, Buffer.concat(parts));
  return { width: W, height: H, luma: first ?? new Uint8Array(n) };
}

/** Chromium (Debian's) whose camera shows the y4m file, with the permission granted. */
export async function launchWithFakeCamera(y4mPath: string): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--use-file-for-fake-video-capture=' + y4mPath,
    ],
  });
}

/**
 * A real badge: as the demo organiser (`org`, signed in) creates an event, pairs a kiosk,
 * registers a walk-in with `choice` there, and downloads the badge PNG. Returns the PNG
 * and the badge's address (`/b/{token}`), which its QR holds after the public URL.
 */
export async function demoBadgePng(
  browser: Browser,
  org: Page,
  choice: 'green' | 'red' = 'green',
): Promise<{ png: Buffer; badgePath: string; eventId: string }> {
  const eventId = await createEvent(org.request, `Camera test ${Date.now()}`);
  const tablet = await kiosk(browser, org, eventId);
  const notice = await kioskNoticeVersion(tablet.request);
  const registered = await tablet.request.post('/api/kiosk/register', {
    data: { registration: { lang: 'en', notice, fields: {}, is_minor: false, choice } },
  });
  expect(registered.status(), await registered.text()).toBe(200);
  await tablet.context().close();

  const list = await org.request.post('/api/attendees/list', { data: { event_id: eventId, filter: {} } });
  expect(list.status(), await list.text()).toBe(200);
  const rows: { id: number }[] = (await list.json()).rows;
  expect(rows).toHaveLength(1);
  const detail = await org.request.post('/api/attendees/detail', {
    data: { event_id: eventId, attendee_id: rows[0].id },
  });
  expect(detail.status(), await detail.text()).toBe(200);
  const badgePath: string = (await detail.json()).badge_path;
  expect(badgePath).toMatch(/^\/b\/[A-Za-z0-9_-]+$/);

  const png = await org.request.get(`${badgePath}/badge.png`);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  return { png: await png.body(), badgePath, eventId };
}

/** `src` composited over white and scaled into the middle of a `W`×`H` RGB frame. */
function composeOnWhite(src: PNG, W: number, H: number, fill: number): Uint8Array {
  const out = new Uint8Array(W * H * 3).fill(255);
  const scale = Math.min((W * fill) / src.width, (H * fill) / src.height);
  const dw = Math.max(1, Math.round(src.width * scale));
  const dh = Math.max(1, Math.round(src.height * scale));
  const ox = Math.floor((W - dw) / 2);
  const oy = Math.floor((H - dh) / 2);
  // Area average: k×k samples spread over the source area each output pixel covers.
  const k = Math.max(1, Math.ceil(1 / scale) + 1);
  const sx = src.width / dw, sy = src.height / dh;
  for (let y = 0; y < dh; y++) {
    for (let x = 0; x < dw; x++) {
      let r = 0, g = 0, b = 0;
      for (let j = 0; j < k; j++) {
        const py = Math.min(src.height - 1, Math.floor((y + (j + 0.5) / k) * sy));
        for (let i = 0; i < k; i++) {
          const px = Math.min(src.width - 1, Math.floor((x + (i + 0.5) / k) * sx));
          const p = 4 * (py * src.width + px);
          const a = src.data[p + 3] / 255;
          r += src.data[p] * a + 255 * (1 - a);
          g += src.data[p + 1] * a + 255 * (1 - a);
          b += src.data[p + 2] * a + 255 * (1 - a);
        }
      }
      const o = 3 * ((oy + y) * W + ox + x);
      out[o] = clamp(r / (k * k));
      out[o + 1] = clamp(g / (k * k));
      out[o + 2] = clamp(b / (k * k));
    }
  }
  return out;
}

/** In-place Gaussian blur of an RGB image (separable: horizontal, then vertical). */
function gaussianBlur(rgb: Uint8Array, W: number, H: number, sigma: number) {
  const rad = Math.max(1, Math.ceil(3 * sigma));
  const kernel = Array.from({ length: 2 * rad + 1 }, (_, i) => Math.exp(-((i - rad) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  const weights = kernel.map((k) => k / sum);
  const pass = (len: number, lines: number, at: (line: number, pos: number) => number) => {
    const tmp = new Float32Array(len * 3);
    for (let l = 0; l < lines; l++) {
      for (let p = 0; p < len; p++) {
        let r = 0, g = 0, b = 0;
        for (let d = -rad; d <= rad; d++) {
          const i = 3 * at(l, Math.min(len - 1, Math.max(0, p + d)));
          const w = weights[d + rad];
          r += w * rgb[i]; g += w * rgb[i + 1]; b += w * rgb[i + 2];
        }
        tmp[3 * p] = r; tmp[3 * p + 1] = g; tmp[3 * p + 2] = b;
      }
      for (let p = 0; p < len; p++) {
        const i = 3 * at(l, p);
        rgb[i] = clamp(tmp[3 * p]); rgb[i + 1] = clamp(tmp[3 * p + 1]); rgb[i + 2] = clamp(tmp[3 * p + 2]);
      }
    }
  };
  pass(W, H, (y, x) => y * W + x);
  pass(H, W, (x, y) => y * W + x);
}

function clamp(x: number): number {
  return x < 0 ? 0 : x > 255 ? 255 : Math.round(x);
}

/** Standard normal numbers from a seeded generator (mulberry32 + Box–Muller). */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
