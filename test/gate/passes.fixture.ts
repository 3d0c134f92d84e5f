import { expect, inject, test } from 'vitest';

// The control for fails.fixture.ts: the same set-up with a passing test exits 0.
test('passes', () => {
  expect(inject('postgresUrl')).toMatch(/^postgresql:/);
});
