/*
 * Registers the service worker that keeps the story readable offline (written into out/sw.js by
 * scripts/service-worker.mjs). A file of its own, not an inline script: the pages' policy runs
 * scripts from our origin, and on /read this is the only script there is.
 * After the page has loaded, so that precaching never competes with the first visit. A failed
 * registration is left to reject: the browser reports it in the console, where the tests see it.
 *
 * A new build's worker installs and waits while this page is open. The page then says so, quietly,
 * in a status line with a Reload button, which lets the new worker take over and loads the page
 * from it. A kiosk (a looping autoplay on /present, [data-kiosk]) is not asked: it reloads itself
 * between two loops (lib/drivers/serviceWorkerUpdate.ts). A page left open for days, as a kiosk
 * is, looks for a new build every hour; offline, that look fails quietly.
 */
if ('serviceWorker' in navigator) {
  addEventListener('load', () =>
    navigator.serviceWorker.register('/sw.js').then((registration) => {
      const offer = () => {
        // Waiting beside an active worker: a new version (the first install waits for nothing).
        if (!registration.waiting || !registration.active) return;
        if (document.querySelector('[data-kiosk], .update-prompt')) return;
        const prompt = document.createElement('div');
        prompt.className = 'update-prompt';
        prompt.setAttribute('role', 'status');
        document.body.append(prompt);
        // Filled a moment after the region exists, so that it is announced.
        setTimeout(() => {
          const text = document.createElement('p');
          text.textContent = 'A new version of the story is available.';
          const reload = document.createElement('button');
          reload.type = 'button';
          reload.textContent = 'Reload';
          reload.onclick = () => {
            const waiting = registration.waiting;
            // Another tab may have let it take over already.
            if (!waiting) return location.reload();
            reload.disabled = true;
            waiting.addEventListener('statechange', () => waiting.state === 'activated' && location.reload());
            waiting.postMessage({ type: 'SKIP_WAITING' });
          };
          prompt.append(text, reload);
        }, 100);
      };
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => installing.state === 'installed' && offer());
      });
      offer();
      setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
    }),
  );
}
