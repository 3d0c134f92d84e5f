import { describe, expect, test } from 'vitest';
import { pathAfterSignIn } from '../portal/src/sign-in-path.ts';

describe('where signing in leads', () => {
  const origin = 'https://portal.example';
  test('a path of the portal, with its query and fragment', () => {
    expect(pathAfterSignIn('/anfragen/inq-5?tab=angebote#q-1', origin, '/')).toBe('/anfragen/inq-5?tab=angebote#q-1');
    expect(pathAfterSignIn(null, origin, '/')).toBe('/');
  });

  test('never another site, however the path is written', () => {
    for (const next of ['//evil.example/x', '/\\evil.example/x', '/\\/evil.example', 'https://evil.example/', 'javascript:alert(1)', 'anfragen']) {
      expect(pathAfterSignIn(next, origin, '/'), next).toBe('/');
    }
  });
});
