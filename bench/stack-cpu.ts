import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { networks, serviceDatabase } from '../shared/networks.ts';
import { spawnLeashed } from '../shared/processes.ts';
import { settledProcessTable } from './cpu.ts';
import { cpuByPart, otherChild } from './start-timing.ts';
import { variedShapes } from './traffic.ts';

// node bench/stack-cpu.ts [--tree DIR ...] [--searches 600] [--rounds 2] [--members 10000]
// The CPU a search costs the whole stack as deployed: `npm start` of each tree
// (this one unless --tree is given; another commit's tree from `git worktree
// add`, with its own `npm ci`), every service a process of its own and the
// embedded PostgreSQL, the benchmark's search shape (bench/traffic.ts) sent
// one request at a time through its gateway, and the CPU of npm start's whole
// process tree read from /proc before and after. The trees take turns, round
// after round, on the same machine, so their ratio means something where the
// milliseconds alone do not. Each tree keeps its data folder (--data, one
// folder per tree below it) between rounds and runs: seeded once with the
// tree's own seed:bulk to --members per network and analysed.
//
// Issue 20 asked a search to cost at most a third of what it cost when the
// issue was filed (afefa87); `npm run bench` reports this tree's CPU per
// search, but machines of this kind differ by up to two times from one hour to
// the next, so a third of an old number read on another day says little.

const { values } = parseArgs({
  options: {
    tree: { type: 'string', multiple: true },
    searches: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '2' },
    members: { type: 'string', default: '10000' },
    data: { type: 'string', default: '/tmp/irm-stack-cpu' },
  },
});
const trees = (values.tree ?? ['.']).map((tree) => resolve(tree));
const searches = Number(values.searches);
const rounds = Number(values.rounds);
const members = Number(values.members);
for (const [name, value] of [
  ['--searches', searches],
  ['--rounds', rounds],
  ['--members', members],
] as const) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number above 0.`);
    process.exit(2);
  }
}
for (const tree of trees) {
  if (!existsSync(join(tree, 'scripts/start.ts')) || !existsSync(join(tree, 'node_modules/.bin/node'))) {
    console.error(`${tree} is not a tree of this project with its dependencies installed (scripts/start.ts, node_modules/.bin/node).`);
    process.exit(2);
  }
}

const search = variedShapes.find((shape) => shape.name === 'search')!;
// The benchmark's searches come from one address without a token: far past the anonymous limits (60 a minute).
const unlimited = { ANONYMOUS_REQUESTS_PER_MINUTE: '100000000', ANONYMOUS_COST_PER_MINUTE: '100000000000' };

interface Stack {
  tree: string;
  data: string;
  url: string;
  pgPort: number;
  env: NodeJS.ProcessEnv;
}

const stacks: Stack[] = trees.map((tree, i) => {
  const base = 16400 + 10 * i;
  const ports = { PORT: base, REGION_PORT: base + 1, PG_PORT: base + 2, ...Object.fromEntries(networks.map((n, k) => [`${n.code}_PORT`, base + 3 + k])) };
  const data = join(values.data!, String(i));
  return {
    tree,
    data,
    url: `http://127.0.0.1:${base}/graphql`,
    pgPort: ports.PG_PORT,
    env: { ...process.env, ...unlimited, DATA_DIR: data, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) },
  };
});

async function ask(url: string, body: unknown): Promise<Record<string, any>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  if (answer.errors?.length) throw new Error(`${url} answered: ${answer.errors[0].message}`);
  return answer.data!;
}

async function started(stack: Stack, pid: number): Promise<void> {
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
    try {
      await ask(stack.url, { query: '{ networks { code memberCount } }' });
      return;
    } catch {
      if (!existsSync(`/proc/${pid}`)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`npm start in ${stack.tree} did not answer at ${stack.url}; see ${join(stack.data, 'start.log')}`);
}

async function seed(stack: Stack): Promise<void> {
  const marker = join(stack.data, 'seeded');
  if (existsSync(marker)) return;
  for (const n of networks) {
    const run = spawnSync(join(stack.tree, 'node_modules/.bin/node'), ['scripts/seed-bulk.ts', '--network', n.code, '--members', String(members)], {
      cwd: stack.tree,
      env: stack.env,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`seed:bulk of ${n.code} in ${stack.tree} failed: ${run.stderr || run.stdout}`);
  }
  // Older trees' seed:bulk did not analyse; the planner needs the statistics either way.
  const password = readFileSync(join(stack.data, 'postgres-password'), 'utf8').trim();
  for (const n of networks) {
    const client = new pg.Client({ connectionString: `postgresql://postgres:${password}@127.0.0.1:${stack.pgPort}/${serviceDatabase(n.code)}` });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
  }
  writeFileSync(marker, '');
}

async function measure(stack: Stack) {
  mkdirSync(stack.data, { recursive: true });
  // Its output kept in the data folder, and each service's pid as npm start announces it ("[niwe] started, pid 42").
  const child = spawnLeashed(['scripts/start.ts'], { cwd: stack.tree, env: stack.env });
  const log = createWriteStream(join(stack.data, 'start.log'), { flags: 'a' });
  const services = new Map<number, string>();
  for (const output of [child.stdout!, child.stderr!]) {
    createInterface({ input: output }).on('line', (line) => {
      log.write(`${line}\n`);
      const started = /^\[(\w+)\]\s+started, pid (\d+)/.exec(line);
      if (started) services.set(Number(started[2]), started[1]);
    });
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Each service with its own tree, PostgreSQL with its backends (and those that ended), npm start with what it reaped.
  const parts = async () => cpuByPart(await settledProcessTable([child.pid!]), child.pid!, (pid) => services.get(pid) ?? otherChild(pid));
  try {
    await started(stack, child.pid!);
    await seed(stack);
    await search.prepare!((body) => ask(stack.url, body));
    // Warm: every text once, as in a service that has run for a while.
    for (let n = 0; n < 240; n++) await ask(stack.url, search.body(n, members));
    const before = await parts();
    const from = performance.now();
    for (let n = 0; n < searches; n++) await ask(stack.url, search.body(n, members));
    const wallMs = performance.now() - from;
    const after = await parts();
    const perSearch = (ms: number) => Math.round((ms / searches) * 100) / 100;
    const byPart = Object.fromEntries(Object.keys(after).map((part) => [part, perSearch(after[part] - (before[part] ?? 0))]));
    const stackMs = perSearch(Object.keys(after).reduce((sum, part) => sum + after[part] - (before[part] ?? 0), 0));
    return { stackMs, byPart, wallMs: perSearch(wallMs) };
  } finally {
    child.kill('SIGINT');
    await exited;
    log.end();
  }
}

console.log(`${searches} searches per run, one at a time, ${members} members per network; CPU in ms per search`);
for (let round = 0; round < rounds; round++) {
  // Each round starts with another tree, so none always runs on a machine grown busier.
  for (let i = 0; i < stacks.length; i++) {
    const stack = stacks[(i + round) % stacks.length];
    const r = await measure(stack);
    const parts = Object.entries(r.byPart)
      .map(([part, ms]) => `${part} ${ms}`)
      .join(', ');
    console.log(`round ${round + 1} ${stack.tree}: stack ${r.stackMs} (${parts}), latency ${r.wallMs} ms`);
  }
}
