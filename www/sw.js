// Caches the app's own files so that it works offline after the first load.
// Network first, cache as fallback: a new deployment is picked up at once,
// and an offline visit still gets the last copy. legal.json (the article
// texts) is not pre-cached: it is fetched when a reader first opens a legal
// source, and the fetch handler below keeps that copy for offline visits.
const CACHE = 'policylens-v2';
const FILES = [
  './',
  './index.html',
  './boot.js',
  './fragment.js',
  './legal.js',
  './embed-example.html',
  './embed-example.js',
  './analysis-worker.js',
  './policylens-web.js',
  './policylens-web_bg.wasm',
  './clause_model.bin',
  './style.css',
  './favicon.svg',
  './example-policy.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })),
  );
});
