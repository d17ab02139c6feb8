// Lanyard's service worker (issue 18 point 6; requirements 10 and 22). Served at /sw.js
// by server/src/offline.rs, which puts this build's id in BUILD: a new build is a new
// script, so browsers install it and it drops the old build's files.
//
// What it keeps, in one cache per build, and nothing else:
// - the app shells of the scanner and the kiosk, fetched WITHOUT cookies
//   (`/scan?offline-shell`, `/kiosk?offline-shell`): pages with nobody's data in them;
// - the files those shells name under /pkg/ (the hashed JS, wasm and CSS) and the
//   manifest.
// It never stores a page a signed-in browser received, a server function's answer, a
// photo or /me: those requests are not even looked at. Scans and the colour map live in
// the scanner's own local storage (tokens and colours only).
//
// Navigations to /scan and /kiosk go to the network first; only when the network fails
// is the shell answered, which the page recognises (its sign-in check cannot reach the
// server) and then scans from its stored map.

const BUILD = '__BUILD__';
const CACHE = `lanyard-shell-${BUILD}`;
const SHELLS = {
  '/scan': '/scan?offline-shell',
  '/kiosk': '/kiosk?offline-shell',
};

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const files = new Set(['/manifest.webmanifest']);
      for (const shell of Object.values(SHELLS)) {
        const res = await fetch(shell, { credentials: 'omit', cache: 'no-store' });
        if (!res.ok) throw new Error(`${shell}: HTTP ${res.status}`);
        const html = await res.clone().text();
        for (const m of html.matchAll(/\/pkg\/[A-Za-z0-9._-]+/g)) files.add(m[0]);
        await cache.put(shell, res);
      }
      await cache.addAll([...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('lanyard-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const shell = SHELLS[url.pathname];
  if (req.mode === 'navigate' && shell) {
    event.respondWith(
      fetch(req).catch(async () => {
        const cached = await caches.match(shell, { cacheName: CACHE });
        return cached || Response.error();
      }),
    );
    return;
  }
  if (url.pathname.startsWith('/pkg/') || url.pathname === '/manifest.webmanifest') {
    event.respondWith(
      caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req)),
    );
  }
});
