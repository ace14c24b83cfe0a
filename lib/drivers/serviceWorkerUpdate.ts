import { updateAction } from '@/lib/present/update';

/** A new build's worker, installed and waiting to take over this page, or null. */
async function waitingWorker(): Promise<ServiceWorker | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  // Beside an active worker: a new version, not the first install.
  return registration?.active ? registration.waiting : null;
}

/**
 * At the end of a kiosk's loop: if a new build waits, lets it take over (the worker's skipWaiting
 * on request, scripts/service-worker.mjs) and loads the page again from it; true if it does.
 * public/register-sw.js does the same for a reader who presses Reload.
 */
export async function reloadBetweenLoops(atLoopEnd: boolean): Promise<boolean> {
  if (!atLoopEnd) return false;
  const worker = await waitingWorker();
  if (!worker || updateAction({ waiting: true, kiosk: true, atLoopEnd }) !== 'reload') return false;
  // Once it has taken over, the page again, without the step's fragment: the new build begins the
  // story from the first step.
  worker.addEventListener('statechange', () => {
    if (worker.state === 'activated') location.replace(location.pathname + location.search);
  });
  worker.postMessage({ type: 'SKIP_WAITING' });
  return true;
}
