import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatedFiles } from '../scripts/codegen.ts';

// The committed resolver types must be what `npm run codegen` makes of today's SDL: a field added to a
// .graphql file without regenerating would leave its resolver untyped, or typed against the old schema.

const root = new URL('..', import.meta.url);

test('every generated resolver type file is up to date with the SDL (run `npm run codegen` when this fails)', async () => {
  const files = await generatedFiles();
  expect(files.map((f) => f.filename).sort()).toEqual([
    'subgraphs/network/generated/internal-resolvers-types.ts',
    'subgraphs/network/generated/resolvers-types.ts',
    'subgraphs/region/generated/internal-resolvers-types.ts',
    'subgraphs/region/generated/resolvers-types.ts',
  ]);
  for (const file of files) {
    expect(readFileSync(new URL(file.filename, root), 'utf8'), `${file.filename} is stale: run npm run codegen`).toBe(file.content);
  }
}, 30_000);
