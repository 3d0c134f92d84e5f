import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// What a service computed on an earlier start and may take again instead of computing it (the gateway's
// validated supergraphs, gateway/supergraph.ts; the subgraph schemas, shared/subgraph-schema.ts): files in
// node_modules/.cache, named by a hash of what they were computed from and of the versions of the libraries
// that computed them. A cache that cannot be read or written (a read-only install) costs only the time it saves.

/** `node_modules/.cache/<name>` of this checkout. */
export function startCachePath(name: string): string {
  return fileURLToPath(new URL(`../node_modules/.cache/${name}`, import.meta.url));
}

const require = createRequire(import.meta.url);

/** `name@version` of each installed package, for a cache key. */
export function packageVersions(names: string[]): string {
  return names.map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(' ');
}

/** The file's text, or undefined when there is none or it cannot be read. */
export function readCached(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Written beside and moved in, so a process starting meanwhile reads a whole file or none; false where it cannot be written. */
export function writeCached(file: string, text: string): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, text);
    renameSync(`${file}.${process.pid}`, file);
    return true;
  } catch {
    return false;
  }
}
