import { expect, inject, test } from 'vitest';

// A deliberately failing test: test/gate.e2e.ts requires that running it exits non-zero.
test('fails on purpose', () => {
  expect(inject('postgresUrl')).toMatch(/^postgresql:/);
  expect(1 + 1).toBe(3);
});
