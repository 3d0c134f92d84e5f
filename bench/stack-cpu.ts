import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { dataPaths, networks, serviceDatabase } from '../shared/networks.ts';
import { embeddedServerUrl } from '../shared/postgres.ts';
import { spawnSupervisor, supervisorEnvironment } from '../test/support/supervisor.ts';
import { settledProcessTable } from './cpu.ts';
import { answers, cpuByPart, otherChild } from './start-timing.ts';
import { ask, texts, variedShapes } from './traffic.ts';

// npx node bench/stack-cpu.ts [--tree DIR ...] [--searches 600] [--rounds 2] [--members 10000] [--data DIR]
// The CPU a search costs the whole stack as deployed: `npm start` of each tree
// (this one unless --tree is given; another commit's tree from `git worktree
// add`, with its own `npm ci`), every service a process of its own and the
// embedded PostgreSQL, the benchmark's search shape (bench/traffic.ts) sent
// one request at a time through its gateway, and the CPU of npm start's whole
// process tree read from /proc before and after, by part. The trees take
// turns, round after round, on the same machine, so their ratio means
// something where the milliseconds alone do not. Every tree runs on this
// Node, as npm start would run it here.
//
// A data folder per commit and size (below --data) is seeded once, with the
// tree's own seed:bulk (the demo members and --members more per network),
// analysed and checkpointed, and kept for later rounds and runs; one whose
// seeding did not finish is started over.
//
// Issue 20 asked a search to cost at most a third of what it cost when the
// issue was filed (afefa87); `npm run bench` reports this tree's CPU per
// search, but machines of this kind differ by up to two times from one hour to
// the next, so a third of an old number read on another day says little.

const run = promisify(execFile);

const { values } = parseArgs({
  options: {
    tree: { type: 'string', multiple: true },
    searches: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '2' },
    members: { type: 'string', default: '10000' },
    data: { type: 'string', default: '/tmp/irm-stack-cpu' },
  },
});
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

interface Tree {
  dir: string;
  commit: string;
  /** Kept between runs: the commit's database at this size. */
  data: string;
}

const trees: Tree[] = (values.tree ?? ['.']).map((tree) => {
  const dir = resolve(tree);
  if (!existsSync(join(dir, 'scripts/start.ts')) || !existsSync(join(dir, 'node_modules'))) {
    console.error(`${dir} is not a tree of this project with its dependencies installed (scripts/start.ts, node_modules).`);
    process.exit(2);
  }
  const commit = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  return { dir, commit, data: join(values.data!, `${commit}-${members}`) };
});

const search = variedShapes.find((shape) => shape.name === 'search')!;
// The searches come from one address without a token: far past the anonymous limits (60 a minute).
const unlimited = { ANONYMOUS_REQUESTS_PER_MINUTE: '100000000', ANONYMOUS_COST_PER_MINUTE: '100000000000' };

/** The tree's seed:bulk for every network, then statistics and a checkpoint, so neither lands in a measured run. */
async function seed(tree: Tree, env: NodeJS.ProcessEnv): Promise<void> {
  for (const n of networks) {
    await run(process.execPath, ['scripts/seed-bulk.ts', '--network', n.code, '--members', String(members)], {
      cwd: tree.dir,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  const server = embeddedServerUrl(join(tree.data, dataPaths.postgres), Number(env.PG_PORT));
  for (const n of networks) {
    const client = new pg.Client({ connectionString: `${server}/${serviceDatabase(n.code)}` });
    await client.connect();
    // Older trees' seed:bulk did not analyse.
    await client.query('vacuum analyze');
    await client.end();
  }
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query('checkpoint');
  await client.end();
}

async function measure(tree: Tree) {
  const seeded = join(tree.data, 'seeded');
  // seed:bulk appends: a folder whose seeding broke off would grow past the size.
  if (!existsSync(seeded)) rmSync(tree.data, { recursive: true, force: true });
  mkdirSync(tree.data, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...(await supervisorEnvironment(tree.data)), ...unlimited };
  const gateway = `http://localhost:${env.PORT}`;
  const url = `${gateway}/graphql`;
  const { child, output, exited } = spawnSupervisor(env, tree.dir);
  // Each service's pid as npm start announces it ("[niwe] started, pid 42").
  const services = () => new Map([...output().matchAll(/^\[(\w+)\]\s+started, pid (\d+)/gm)].map((m) => [Number(m[2]), m[1]]));
  // Each service with its own tree, PostgreSQL with its backends (and those that ended), npm start with what it reaped.
  const parts = async () => {
    const names = services();
    return { names, cpu: cpuByPart(await settledProcessTable([child.pid!]), child.pid!, (pid) => names.get(pid) ?? otherChild(pid)) };
  };
  try {
    for (const deadline = Date.now() + 180_000; !(await answers(gateway)); ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start in ${tree.dir} did not answer:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!existsSync(seeded)) {
      await seed(tree, env);
      writeFileSync(seeded, '');
    }
    await search.prepare!((body) => ask(url, {}, body));
    // Warm: every text once, as in a service that has run for a while.
    for (let n = 0; n < texts.length; n++) await ask(url, {}, search.body(n, members));
    const before = await parts();
    const from = performance.now();
    for (let n = 0; n < searches; n++) await ask(url, {}, search.body(n, members));
    const wallMs = performance.now() - from;
    const after = await parts();
    // A service restarted in between: npm start reaped the old process, whose whole CPU would count again.
    if ([...after.names.keys()].join() !== [...before.names.keys()].join()) throw new Error(`a service of ${tree.dir} restarted during the run:\n${output()}`);
    const perSearch = (ms: number) => Math.round((ms / searches) * 100) / 100;
    const byPart = Object.fromEntries(Object.entries(after.cpu).map(([part, ms]) => [part, perSearch(ms - (before.cpu[part] ?? 0))]));
    // Over both readings' parts: one that ended in between still counts what it spent before it.
    const total = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);
    const stackMs = perSearch(total(after.cpu) - total(before.cpu));
    return { stackMs, byPart, wallMs: perSearch(wallMs) };
  } finally {
    child.kill('SIGINT');
    // unref: the wait must not hold the script open for a minute after its last run.
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(resolve, 60_000, false).unref())]);
    // Its services are leashed to it and stop when it is gone.
    if (!stopped) child.kill('SIGKILL');
    appendFileSync(join(tree.data, 'start.log'), output());
  }
}

console.log(`${searches} searches per run, one at a time, demo members and ${members} more per network; CPU in ms per search`);
for (let round = 0; round < rounds; round++) {
  // Each round starts with another tree, so none always runs on a machine grown busier.
  for (let i = 0; i < trees.length; i++) {
    const tree = trees[(i + round) % trees.length];
    const r = await measure(tree);
    const parts = Object.entries(r.byPart)
      .map(([part, ms]) => `${part} ${ms}`)
      .join(', ');
    console.log(`round ${round + 1} ${tree.commit} (${tree.dir}): stack ${r.stackMs} (${parts}), latency ${r.wallMs} ms`);
  }
}
