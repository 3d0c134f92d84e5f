import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './on-demand.ts';

// `node scripts/tool.ts <command> [arguments]` runs a command of tools/package.json's packages (biome, tsc) as
// `npm run lint`, `format` and `typecheck` do, after installing tools/node_modules the first time
// (scripts/on-demand.ts says why they are apart).

const [command, ...args] = process.argv.slice(2);
const bin = fileURLToPath(new URL(`../tools/node_modules/.bin/${command}`, import.meta.url));
try {
  ensureInstalled(fileURLToPath(new URL('../tools/', import.meta.url)), 'the checkers npm test runs first', (line) => console.error(line));
  if (!command || !existsSync(bin)) throw new Error(`No command ${command ?? '(none given)'} in tools/package.json's packages; try biome or tsc.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Both are Node programs; run with this Node (24), not whichever `node` the PATH finds first.
const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
if (result.error) console.error(`${command} did not run: ${result.error.message}`);
process.exitCode = result.status ?? 1;
