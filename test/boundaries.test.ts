import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The ownership split, checked on the import lines: the gateway serves a composed
// supergraph and knows no subgraph's code, the networks and region talk over HTTP
// only, and shared/ serves them all without knowing any of them.

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));
}

/** Every module a file imports or re-exports, statically or dynamically, as a path from the project root. */
function importsOf(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(root, dirname(file), s)));
}

function crossings(folder: string, forbidden: string[]): string[] {
  return sources(folder).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
      .map((target) => `${file} -> ${target}`),
  );
}

describe('module boundaries', () => {
  test('the import scan sees static, re-exported and dynamic imports', () => {
    const text = `import { a } from '../subgraphs/x.ts';\nexport { b } from "./b.ts";\nconst c = await import('../shared/c.ts');\nimport './side.ts';`;
    expect(importsOf('gateway/server.ts', text)).toEqual(['subgraphs/x.ts', 'gateway/b.ts', 'shared/c.ts', 'gateway/side.ts']);
  });

  test('gateway/ imports nothing from subgraphs/ (composition is scripts/compose.ts)', () => {
    expect(crossings('gateway', ['subgraphs', 'scripts'])).toEqual([]);
  });

  test('network and region never import each other', () => {
    expect(crossings('subgraphs/network', ['subgraphs/region'])).toEqual([]);
    expect(crossings('subgraphs/region', ['subgraphs/network'])).toEqual([]);
  });

  test('shared/ imports none of the services nor the scripts', () => {
    expect(crossings('shared', ['gateway', 'subgraphs', 'scripts'])).toEqual([]);
  });
});
