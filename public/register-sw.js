/*
 * Registers the service worker that keeps the story readable offline (written into out/sw.js by
 * scripts/service-worker.mjs). A file of its own, not an inline script: the pages' policy runs
 * scripts from our origin, and on /read this is the only script there is.
 * After the page has loaded, so that precaching never competes with the first visit. A failed
 * registration is left to reject: the browser reports it in the console, where the tests see it.
 */
if ('serviceWorker' in navigator) {
  addEventListener('load', () => navigator.serviceWorker.register('/sw.js'));
}
