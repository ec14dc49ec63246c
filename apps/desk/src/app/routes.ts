// Hash routes: the server serves one page at /desk/, and links such as an invitation
// (`/desk/#/invite/<token>`) work without any server-side routing.

export type RouteName =
  | 'sign-in'
  | 'forgot'
  | 'invite'
  | 'reset'
  | 'enrol'
  | 'queue'
  | 'incident'
  | 'report'
  | 'settings'
  | 'new-report'
  | 'account'
  | 'not-found';

export interface Route {
  name: RouteName;
  /** Path parameters: `token`, `id`, `section`. */
  params: Record<string, string>;
  /** The query after `?` in the hash (queue filters). */
  query: URLSearchParams;
}

/** Screens open without a session. */
export const PUBLIC_ROUTES: ReadonlySet<RouteName> = new Set(['sign-in', 'forgot', 'invite', 'reset']);

const PATTERNS: [RegExp, RouteName, string[]][] = [
  [/^\/?$/, 'queue', []],
  [/^\/sign-in$/, 'sign-in', []],
  [/^\/forgot$/, 'forgot', []],
  [/^\/invite\/([A-Za-z0-9_-]{8,200})$/, 'invite', ['token']],
  [/^\/reset\/([A-Za-z0-9_-]{8,200})$/, 'reset', ['token']],
  [/^\/enrol$/, 'enrol', []],
  [/^\/queue$/, 'queue', []],
  [/^\/incidents\/([A-Za-z0-9_-]{1,64})$/, 'incident', ['id']],
  [/^\/report$/, 'report', []],
  [/^\/settings(?:\/([a-z-]{1,30}))?$/, 'settings', ['section']],
  [/^\/new-report$/, 'new-report', []],
  [/^\/account$/, 'account', []],
];

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const query = new URLSearchParams(search);
  for (const [pattern, name, keys] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    keys.forEach((key, index) => {
      const value = match[index + 1];
      if (value) params[key] = decodeURIComponent(value);
    });
    return { name, params, query };
  }
  return { name: 'not-found', params: {}, query };
}

export const href = (path: string): string => `#${path}`;

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const target = `#${path}`;
  if (options.replace) history.replaceState(null, '', target);
  else if (location.hash !== target) location.hash = target;
  else return;
  if (options.replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}
