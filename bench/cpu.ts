import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

// CPU time from /proc, in milliseconds: what each part of the stack spent,
// whatever the machine's other work. /proc/<pid>/stat counts clock ticks of
// 10 ms (USER_HZ is 100 on Linux); after the command, field 14 is user time,
// 15 system time, 16 and 17 those of children the process has waited for.

interface Stat {
  ppid: number;
  /** User and system time of the process itself (all its threads). */
  ownMs: number;
  /** User and system time of its children that ended and were reaped. */
  reapedMs: number;
}

function stat(path: string): Stat | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  // The command (field 2) may hold spaces; the fields after it follow the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(fields[1]),
    ownMs: (Number(fields[11]) + Number(fields[12])) * 10,
    reapedMs: (Number(fields[13]) + Number(fields[14])) * 10,
  };
}

/** CPU of one thread or process, given its /proc path ('/proc/thread-self' for the calling thread). */
export function cpuMsOf(path: string): number {
  return stat(`${path}/stat`)?.ownMs ?? Number.NaN;
}

/** Every process's parent and CPU, read from /proc at one moment. */
export type ProcessTable = Map<number, Stat>;

/**
 * Reads every process's stat once: a reading costs about 35 ms on a machine running 220 processes, and each
 * load run of the benchmark takes at least two before and two after (settledProcessTable).
 */
export function processTable(): ProcessTable {
  const stats: ProcessTable = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(`/proc/${entry}/stat`);
    if (s) stats.set(Number(entry), s);
  }
  return stats;
}

/**
 * CPU of a process and all its descendants, with what their ended children
 * spent: a gateway's forked workers, PostgreSQL's backends (the postmaster
 * reaps those that end). NaN once the process is gone.
 */
export function treeCpuMs(root: number, stats: ProcessTable = processTable()): number {
  if (!stats.has(root)) return Number.NaN;
  let total = 0;
  for (const [, s] of tree(root, stats)) total += s.ownMs + s.reapedMs;
  return total;
}

/** The pids and stats of a process and all its descendants. */
function* tree(root: number, stats: ProcessTable): Generator<[number, Stat]> {
  if (!stats.has(root)) return;
  const children = Map.groupBy([...stats.keys()], (pid) => stats.get(pid)!.ppid);
  for (const pending = [root]; pending.length; ) {
    const pid = pending.pop()!;
    yield [pid, stats.get(pid)!];
    pending.push(...(children.get(pid) ?? []));
  }
}

/** Whether the trees under `roots` hold the same processes, with the same reaped time, in both readings. */
function sameProcesses(roots: number[], a: ProcessTable, b: ProcessTable): boolean {
  return roots.every((root) => {
    const before = new Map(tree(root, a));
    const after = [...tree(root, b)];
    return after.length === before.size && after.every(([pid, s]) => before.get(pid)?.reapedMs === s.reapedMs);
  });
}

/**
 * processTable, read again until two readings in a row find the same processes in the trees under `roots`, each
 * with the same reaped time. A reading is not one moment: it goes through /proc in pid order, a parent mostly before
 * its children. A child that ends and is reaped while a reading goes on is then in neither its own entry (gone) nor
 * its parent's reaped time (read before); after pid wraparound, read before its parent, it is in both. A PostgreSQL
 * backend that had served a pool for minutes, closed during a reading, made the PostgreSQL CPU of the portal mix's
 * row at concurrency 1 read -35 ms a request (the run of 2026-12-04, 15:59). A process that has ended and waits to
 * be reaped still shows its CPU, so it needs no second look. After `tries` readings, 2 ms apart, the last one is
 * taken as it is, with a warning. Not caught: a child that starts after one reading and is reaped during the next,
 * a few milliseconds of CPU.
 */
export async function settledProcessTable(roots: number[], tries = 25, read: () => ProcessTable = processTable): Promise<ProcessTable> {
  let previous = read();
  for (let reads = 2; ; reads++) {
    const stats = read();
    if (sameProcesses(roots, previous, stats)) return stats;
    if (reads >= tries) {
      console.warn(`The CPU readings of processes ${roots.join(', ')} did not settle in ${tries} readings; the last one is taken.`);
      return stats;
    }
    previous = stats;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * The postmaster of the PostgreSQL server at `url` when it runs on this
 * machine (the parent of the backend answering), else null: a server
 * elsewhere cannot be read from /proc.
 */
export async function postmasterPid(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const backend = stat(`/proc/${rows[0].pid}/stat`);
    // The same pid on this machine may be another program's: the postmaster's command line names postgres.
    if (!backend) return null;
    const command = readFileSync(`/proc/${backend.ppid}/cmdline`, 'utf8');
    return command.includes('postgres') ? backend.ppid : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}
