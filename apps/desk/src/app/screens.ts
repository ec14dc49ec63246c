// Each screen is its own chunk, loaded the first time it is opened: the first load stays the shell.
import type { RouteName } from './routes.js';

type Loader = () => Promise<unknown>;

const LOADERS: Partial<Record<RouteName, Loader>> = {
  'sign-in': () => import('../screens/auth/auth.js'),
  forgot: () => import('../screens/auth/auth.js'),
  invite: () => import('../screens/auth/auth.js'),
  reset: () => import('../screens/auth/auth.js'),
  enrol: () => import('../screens/auth/auth.js'),
  queue: () => import('../screens/queue/queue.js'),
  incident: () => import('../screens/incident/incident.js'),
  report: () => import('../screens/report/report.js'),
  settings: () => import('../screens/settings/settings.js'),
  'new-report': () => import('../screens/new-report/new-report.js'),
  account: () => import('../screens/account/account.js'),
};

const loaded = new Map<RouteName, Promise<unknown>>();

/** Loads the screen's code once; resolves when its element is defined. */
export function loadScreen(name: RouteName): Promise<unknown> {
  const loader = LOADERS[name];
  if (!loader) return Promise.resolve();
  let promise = loaded.get(name);
  if (!promise) {
    promise = loader();
    loaded.set(name, promise);
    promise.catch(() => loaded.delete(name));
  }
  return promise;
}
