// Kept apart from the router, which needs a browser, so that a unit test can read it.
/**
 * Where `?weiter=` leads after signing in: a path of this portal, never another site. Resolved as the browser
 * resolves it, so "/\evil.example" (a backslash reads as a slash) is another site, as "//evil.example" is.
 */
export function pathAfterSignIn(next: string | null, origin: string, home: string): string {
  if (!next?.startsWith('/')) return home;
  const url = new URL(next, origin);
  return url.origin === origin ? url.pathname + url.search + url.hash : home;
}
