import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSupervisor, type Supervisor } from './support/supervisor.ts';

// Crash rounds under continuous writes, small enough for CI: kill -9 of a network's process and of
// PostgreSQL while members are written through the gateway, each write retried with its idempotency
// key until acknowledged. Afterwards every acknowledged write is there, whole, and none twice.

const run = promisify(execFile);
let npmStart: Supervisor;
let token: string;

beforeAll(async () => {
  npmStart = await startSupervisor();
  token = await npmStart.token('--role', 'office', '--network', 'NIWE');
}, 120_000);

afterAll(async () => {
  await npmStart?.stop();
  if (npmStart) rmSync(npmStart.dataDir, { recursive: true, force: true });
});

const create = `mutation($input: MemberInput!, $key: String) {
  createMember(network: NIWE, input: $input, idempotencyKey: $key) { id }
}`;
const input = (i: number) => ({
  name: `Crashtest ${i} GmbH`,
  postalCode: '37269',
  city: 'Eschwege',
  services: [
    { title: `Fräsen ${i}`, processes: ['3.2.3'] },
    { title: `Drehen ${i}`, processes: ['3.2.1'] },
  ],
});

/** Writes members one after another until `stop()`; each one retried with its key until it is acknowledged. */
function writer() {
  const acknowledged = new Map<number, string>();
  let attempts = 0;
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped; i++) {
      for (;;) {
        attempts++;
        const res = await npmStart.query({ query: create, variables: { input: input(i), key: `crash-${i}` } }, token).catch(() => undefined);
        if (res?.data?.createMember) {
          acknowledged.set(i, res.data.createMember.id);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  })();
  return {
    acknowledged,
    attempts: () => attempts,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

async function acknowledgedAtLeast(writes: ReturnType<typeof writer>, count: number) {
  for (let i = 0; i < 1200 && writes.acknowledged.size < count; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(writes.acknowledged.size).toBeGreaterThanOrEqual(count);
}

test('kill -9 of a network and of PostgreSQL under writes: every acknowledged write present, whole and once', async () => {
  const writes = writer();
  await acknowledgedAtLeast(writes, 5);

  // Round 1: the NIWE process.
  const niwe = Number([...npmStart.output().matchAll(/\[niwe\]\s+started, pid (\d+)/g)].at(-1)![1]);
  process.kill(niwe, 'SIGKILL');
  await npmStart.waitFor(/\[niwe\]\s+exited \(SIGKILL\); restarting/);
  await acknowledgedAtLeast(writes, writes.acknowledged.size + 5);

  // Round 2: PostgreSQL.
  const { stdout } = await run('pgrep', ['-f', `bin/postgres -D ${join(npmStart.dataDir, 'postgres')}`]);
  process.kill(Number(stdout.trim().split('\n')[0]), 'SIGKILL');
  await npmStart.waitFor(/\[postgres\]\s+restarted/);
  await acknowledgedAtLeast(writes, writes.acknowledged.size + 5);
  await writes.stop();
  // The faults were felt: some writes needed more than one attempt.
  expect(writes.attempts()).toBeGreaterThan(writes.acknowledged.size);

  const found = await npmStart.query({
    query: '{ members(filter: { text: "Crashtest", networks: [NIWE] }, first: 100) { totalCount edges { node { id name services { title } } } } }',
  });
  const byName = new Map<string, { id: string; services: { title: string }[] }[]>();
  for (const { node } of found.data.members.edges) byName.set(node.name, [...(byName.get(node.name) ?? []), node]);
  for (const [i, id] of writes.acknowledged) {
    const copies = byName.get(`Crashtest ${i} GmbH`) ?? [];
    expect(copies, `Crashtest ${i}`).toHaveLength(1);
    expect(copies[0].id).toBe(id);
    expect(copies[0].services.map((s) => s.title).sort()).toEqual([`Drehen ${i}`, `Fräsen ${i}`]);
  }
  // Nothing beyond what was acknowledged, except at most the one write in flight when the writer stopped.
  expect(found.data.members.totalCount - writes.acknowledged.size).toBeLessThanOrEqual(1);
}, 240_000);
