import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { OutputAsset, OutputChunk, Plugin } from 'rolldown';
import { buildWhenStale, newestModification, packageLockHash } from './stale-build.ts';
import { isRunning } from '../shared/processes.ts';

// `npm start` runs each service from a bundle of its modules, built here with rolldown (Vite's bundler,
// installed with it) when the sources changed since the last one. Node spends most of a service's start
// finding its modules, not running them: resolving each import, reading package.json files, stat and
// realpath for every file. Started alone on the 2-core machine, warm (CPU until /ready answers):
//
//   | service | from the .ts files | from the bundle |
//   |---|--:|--:|
//   | a network | 1.22 s | 0.69 s |
//   | region | 1.46 s | 1.00 s |
//   | gateway | 1.54 s | 1.25 s |
//
// and `npm start` starts five of them at once on two cores. The three services share their chunks. What the
// bundle leaves out: source maps (Node's --enable-source-maps took a network 0.8 s longer to start, longer
// than the bundle saves), so a stack trace names lines of the bundle; SERVICES_FROM_SOURCES=1 runs the
// .ts files as before. The benchmark and most tests start the .ts files; the tests of `npm start` itself
// (start.e2e, crash.e2e, backup.e2e and the portal's) run the bundle, so both ways are tested.

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundleDir = join(root, 'node_modules/.cache/irm-services');
const manifestName = 'services.json';

/** The three programs `npm start` runs: every network runs the first. */
export const programSources = { network: 'subgraphs/network/index.ts', region: 'subgraphs/region/index.ts', gateway: 'gateway/index.ts' };
export type ServiceProgram = keyof typeof programSources;
/** What the services import from this repository and how they are bundled; the dependencies by packageLockHash. */
const sources = ['shared', 'subgraphs', 'gateway', 'scripts/bundle-services.ts'];

interface Manifest {
  /** The checkout it was built from: the bundle names its files by absolute path (keepLocations). */
  root: string;
  /** When the build began: a source changed after that makes it stale. */
  sourcesAt: number;
  /** The dependencies it was built with (packageLockHash). */
  packageLock: string;
  /** Each service's entry file, in bundleDir. */
  entries: Record<ServiceProgram, string>;
  /** Every file of the build, so that a later build removes only files no current start can still load. */
  files: string[];
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, manifestName), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The bundle, if it is of this checkout and newer than every source. */
export function currentBundle(dir = bundleDir): Manifest | undefined {
  const manifest = readManifest(dir);
  if (!manifest || manifest.root !== root || newestModification(root, sources) > manifest.sourcesAt) return undefined;
  if (manifest.packageLock !== packageLockHash(root)) return undefined;
  return manifest.files.every((file) => existsSync(join(dir, file))) ? manifest : undefined;
}

/**
 * A module that finds a file next to itself (`new URL('./schema.graphql', import.meta.url)`, a package's
 * `__dirname`) would look beside the bundle instead; each such module is given its own location as a string.
 * `import.meta.main` stays only in the three entry modules: another module that checks it, bundled into an
 * entry's chunk, would find itself the main module and start its own service.
 */
export function keepLocations(entryFiles: Set<string>): Plugin {
  return {
    name: 'irm-keep-locations',
    transform(code, id) {
      if (!/import\.meta\.(url|dirname|filename|main)|\b__dirname\b|\b__filename\b/.test(code)) return null;
      let kept = code
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(id)))
        .replaceAll('import.meta.filename', JSON.stringify(id));
      if (!entryFiles.has(id)) kept = kept.replaceAll('import.meta.main', 'false');
      // An ES module may declare its own `__dirname` (from import.meta.url, now a string); CommonJS ones use Node's.
      for (const name of ['__dirname', '__filename']) {
        if (new RegExp(`\\b(const|let|var|function)\\s+${name}\\b`).test(kept)) continue;
        kept = kept.replace(new RegExp(`\\b${name}\\b`, 'g'), JSON.stringify(name === '__dirname' ? dirname(id) : id));
      }
      return kept;
    },
  };
}

/**
 * `import … from 'node:http'` in an ES module makes Node build the module's ES facade, which reads every
 * export, and reading `WebSocket`, `CloseEvent` and `MessageEvent` loads undici: 40-50 ms of every service's
 * start, for classes none of them uses. The bundle takes node:http as CommonJS does, without them.
 */
function httpWithoutUndici(): Plugin {
  const id = '\0irm:node-http';
  const lazy = new Set(['WebSocket', 'CloseEvent', 'MessageEvent']);
  const names = Object.keys(process.getBuiltinModule('node:http')).filter((name) => !lazy.has(name));
  return {
    name: 'irm-http-without-undici',
    resolveId: (source) => (source === 'http' || source === 'node:http' ? id : null),
    load: (loaded) =>
      loaded === id ? `const http = process.getBuiltinModule('node:http');\nexport default http;\nexport const { ${names.join(', ')} } = http;\n` : null,
  };
}

/**
 * @apollo/gateway's utilities/opentelemetry.js requires, when the gateway loads, what only Apollo's own usage
 * reporting uses: OpenTelemetry's metrics SDK and exporter, and resource detectors for Alibaba, AWS, GCP and
 * Azure. The gateway runs with APOLLO_TELEMETRY_DISABLED, so none of it is ever called; taken when first used
 * instead, 0.1 s of the gateway's start (CPU profile) goes.
 */
export const telemetryOnly = [
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/exporter-metrics-otlp-http',
  '@opentelemetry/resources',
  '@opentelemetry/resource-detector-alibaba-cloud',
  '@opentelemetry/resource-detector-aws',
  '@opentelemetry/resource-detector-gcp',
  '@opentelemetry/resource-detector-azure',
  'node-cpu-count',
];

/** `const x = require("p")` for each of `packages` becomes an object that requires `p` when a property is first read. */
export function deferRequires(code: string, packages: string[]): string {
  return code.replace(/\bconst (\w+) = require\("([^"]+)"\);/g, (statement, name: string, source: string) =>
    packages.includes(source)
      ? `let ${name}$loaded;\nconst ${name} = new Proxy({}, { get: (_, key) => (${name}$loaded ??= require(${JSON.stringify(source)}))[key] });`
      : statement,
  );
}

/**
 * @apollo/utils.createhash hashes with node:crypto when its CommonJS `module` has `require`, and with sha.js,
 * SHA-256 in JavaScript, otherwise. A bundled CommonJS module's `module` has none, so every request's query
 * hash (Apollo Server's document cache key, in each service) ran in JavaScript: 1.1 % of a network's CPU under
 * the search shape (perf). Bundled, the package is node:crypto's createHash itself.
 */
function nodeCreateHash(): Plugin {
  const id = '\0irm:createhash';
  return {
    name: 'irm-node-createhash',
    resolveId: (source) => (source === '@apollo/utils.createhash' ? id : null),
    load: (loaded) => (loaded === id ? `export const { createHash } = process.getBuiltinModule('node:crypto');\n` : null),
  };
}

function deferTelemetry(): Plugin {
  return {
    name: 'irm-defer-telemetry',
    transform: (code, id) => (id.endsWith('/@apollo/gateway/dist/utilities/opentelemetry.js') ? deferRequires(code, telemetryOnly) : null),
  };
}

async function build(dir: string, log: (line: string) => void): Promise<void> {
  const sourcesAt = Date.now();
  const packageLock = packageLockHash(root);
  // Loaded only to build: rolldown's own start is 0.1 s that a start with a current bundle does not need.
  const { build } = await import('rolldown');
  const input = Object.fromEntries(Object.entries(programSources).map(([name, file]) => [name, join(root, file)]));
  // Written beside the current bundle, then moved in: a service that starts meanwhile loads the files of the
  // current one, and a file of the same name has the same contents (names carry a hash of them).
  const staging = join(dir, `.build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let output: (OutputChunk | OutputAsset)[];
  try {
    ({ output } = await build({
      input,
      platform: 'node',
      plugins: [keepLocations(new Set(Object.values(input))), httpWithoutUndici(), nodeCreateHash(), deferTelemetry()],
      // Rolldown's warnings on npm start's output, as its own lines; none came from these sources when this was written.
      onLog: (level, entry) => log(`bundle ${level}: ${entry.message}`),
      output: {
        dir: staging,
        format: 'esm',
        // .mjs: outside a package.json of "type": "module", Node would first try each .js file as CommonJS.
        entryFileNames: '[name]-[hash].mjs',
        chunkFileNames: '[name]-[hash].mjs',
        // A file with one character beyond ASCII (4,500 lines had one, in comments, strings and regular expressions)
        // is decoded from UTF-8 and kept as two bytes per character; escaped, and without comments (9.4 MB of
        // source become 8.3 MB), a network needs 40-60 ms less CPU to start (760 ms instead of 800-820 ms).
        charset: 'ascii',
        comments: false,
      },
    }));
    for (const file of output) if (!existsSync(join(dir, file.fileName))) renameSync(join(staging, file.fileName), join(dir, file.fileName));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const files = output.map((file) => file.fileName);
  const entryFile = (name: string) => output.find((file) => file.type === 'chunk' && file.isEntry && file.name === name)!.fileName;
  const manifest: Manifest = {
    root,
    sourcesAt,
    packageLock,
    entries: { network: entryFile('network'), region: entryFile('region'), gateway: entryFile('gateway') },
    files,
  };
  // Files of the build before this one stay, and those of every running start's: a service of a start still running
  // may load one of its chunks later, when it is restarted.
  const keep = new Set([...files, ...(readManifest(dir)?.files ?? []), ...pinnedFiles(dir)]);
  writeFileSync(join(dir, `${manifestName}.tmp`), JSON.stringify(manifest, null, 2));
  renameSync(join(dir, `${manifestName}.tmp`), join(dir, manifestName));
  for (const file of readdirSync(dir)) if (!keep.has(file) && file.endsWith('.mjs')) rmSync(join(dir, file), { force: true });
}

/** Where each running start names the files of the bundle it runs, one file per process id. */
const pinsOf = (dir: string) => join(dir, 'pins');
const pinned = new Set<string>();

/**
 * Keeps the files of the bundle this process runs from later builds while it runs: a build kept only its own and
 * the one before, so two builds by other starts on this checkout removed them, and a service this `npm start`
 * restarted after a crash failed with ERR_MODULE_NOT_FOUND for good (the faults probe). Removed when it exits.
 */
function pin(dir: string, files: string[]): void {
  mkdirSync(pinsOf(dir), { recursive: true });
  const file = join(pinsOf(dir), String(process.pid));
  writeFileSync(file, JSON.stringify(files));
  if (pinned.size === 0) process.once('exit', () => pinned.forEach((own) => rmSync(own, { force: true })));
  pinned.add(file);
}

/** The files of the bundles running starts use; the pins of processes that have ended are removed. */
function pinnedFiles(dir: string): string[] {
  let pins: string[];
  try {
    pins = readdirSync(pinsOf(dir));
  } catch {
    return [];
  }
  return pins.flatMap((name) => {
    const file = join(pinsOf(dir), name);
    if (isRunning(Number(name))) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as string[];
      } catch {
        return [];
      }
    }
    rmSync(file, { force: true });
    return [];
  });
}

/**
 * The services' entry files, bundled again first if a source changed. Undefined when the bundle cannot be
 * built: `npm start` then runs the .ts files, which is slower to start but the same program.
 */
export async function ensureServicesBundled(log: (line: string) => void = console.log, dir = bundleDir): Promise<Record<ServiceProgram, string> | undefined> {
  // Looking costs 12 ms (289 files and folders to stat): once when the bundle is current, as at most starts.
  let manifest = currentBundle(dir);
  if (!manifest) {
    try {
      mkdirSync(dir, { recursive: true });
      await buildWhenStale(
        `${dir}.lock`,
        () => !currentBundle(dir),
        async () => {
          const started = Date.now();
          await build(dir, log);
          log(`services bundled in ${((Date.now() - started) / 1000).toFixed(1)} s (their sources changed since the last bundle)`);
        },
        () => log('waiting for another npm start to bundle the services …'),
      );
    } catch (error) {
      log(`could not bundle the services (${(error as Error).message.split('\n')[0]}); running them from their .ts files`);
      return undefined;
    }
    manifest = currentBundle(dir);
  }
  if (!manifest) return undefined;
  pin(dir, manifest.files);
  return Object.fromEntries(Object.entries(manifest.entries).map(([name, file]) => [name, join(dir, file)])) as Record<ServiceProgram, string>;
}

if (import.meta.main) {
  ensureServicesBundled().then((bundle) => {
    if (!bundle) process.exit(1);
    for (const [name, file] of Object.entries(bundle)) console.log(`${name.padEnd(8)} ${file}`);
  });
}
