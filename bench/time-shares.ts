// Where the time of a request goes, at concurrency 1: one request at a time,
// so every moment of the run belongs to one request, and a part is the time
// in which something was going on, divided by the requests. The subgraphs run
// in the benchmark's process and mark when each of their requests came and
// was answered; PostgreSQL says how long it planned and ran their statements
// (pg_stat_statements). What no subgraph was answering is the target's: the
// gateway, and the wire from the client to it and from it to the subgraphs.

/** A request a subgraph answered, in performance.now() milliseconds. */
export interface Busy {
  service: string;
  /** Region calling a network (/internal/graphql), not the target calling a subgraph. */
  internal: boolean;
  start: number;
  end: number;
}

/** PostgreSQL's time for one service's statements, in milliseconds. */
export interface StatementTime {
  planMs: number;
  execMs: number;
}

export interface TimeShares {
  /** Mean time from sending a request to its answer. */
  latencyMs: number;
  /** The target, and the wire around it: the latency while no subgraph was answering. */
  targetMs: number;
  /**
   * Each service's own time: answering, less its statements' time in PostgreSQL and, for region, less the time
   * a network was answering it. The networks answer region and the target in parallel, so their parts can add
   * up to more than the latency.
   */
  services: Record<string, number>;
  /** PostgreSQL planning and running the services' statements, summed over them; null where it keeps no statistics. */
  postgres: StatementTime | null;
}

/** The time covered by at least one of the intervals. */
export function coveredMs(intervals: { start: number; end: number }[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return 0;
  let total = 0;
  let { start: from, end: to } = sorted[0];
  for (const { start, end } of sorted) {
    if (start > to) {
      total += to - from;
      from = start;
      to = end;
    } else if (end > to) {
      to = end;
    }
  }
  return total + (to - from);
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The shares of `requests` answered one after the other with this mean latency, from what the subgraphs marked
 * (`busy`) and the statements' time per service over the same run (`statements`, null without statistics).
 * `regionName` names the service that calls the others.
 */
export function timeShares(
  latencyMs: number,
  requests: number,
  busy: Busy[],
  statements: Record<string, StatementTime> | null,
  regionName: string,
): TimeShares {
  const per = (ms: number) => round(ms / Math.max(1, requests));
  const sqlOf = (service: string) => (statements?.[service] ? statements[service].planMs + statements[service].execMs : 0);
  const services: Record<string, number> = {};
  for (const service of new Set(busy.map((b) => b.service))) {
    const answering = busy.filter((b) => b.service === service).reduce((sum, b) => sum + (b.end - b.start), 0);
    const waiting = service === regionName ? coveredMs(busy.filter((b) => b.internal)) : 0;
    // A statement's time as PostgreSQL counts it ends before the service has its rows: never below nothing.
    services[service] = Math.max(0, per(answering - waiting - sqlOf(service)));
  }
  const sum = (pick: (t: StatementTime) => number) => per(Object.values(statements ?? {}).reduce((total, t) => total + pick(t), 0));
  return {
    latencyMs: round(latencyMs),
    targetMs: Math.max(0, round(latencyMs - coveredMs(busy) / Math.max(1, requests))),
    services,
    postgres: statements ? { planMs: sum((t) => t.planMs), execMs: sum((t) => t.execMs) } : null,
  };
}
