import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './database-errors.ts';

// A background job that polls its database: region's webhook dispatcher (subgraphs/region/inquiries/dispatcher.ts)
// and a network's pruning of the search words (subgraphs/network/search-words.ts), each once every interval after
// the last poll ended. A database out of reach is said once, and once when it answers again: it was "webhook
// dispatch failed: connect ECONNREFUSED" every 2 s, which named no database and read as a receiver that was down (the
// operator's probe). Another failure is logged each time and the next interval tries again.

export interface Poller {
  /** Whether stop() was called: a poll that loops checks it between its steps. */
  readonly stopped: boolean;
  /** Stops polling and waits for the poll under way. */
  stop(): Promise<void>;
}

export interface PollerOptions {
  intervalMs: number;
  poll: () => Promise<void>;
  /** Read at each poll (region's is the request scope's logger when a test gives none). */
  log: () => Pick<Logger, 'error' | 'info'>;
  /** What waits while the database is out of reach, after its error message: "deliveries wait until it answers". */
  lost: (message: string) => string;
  /** What goes on once it answers again. */
  back: string;
  /** Another failure, logged as the job says it. */
  failed: (error: unknown, log: Pick<Logger, 'error'>) => void;
  /** Whether a pending timer keeps the process alive (the dispatcher's does; the prune's need not). */
  unref?: boolean;
}

export function startPoller(options: PollerOptions): Poller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let databaseLost = false;

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      const log = options.log();
      running = options
        .poll()
        .then(() => {
          if (!databaseLost) return;
          databaseLost = false;
          log.info(options.back);
        })
        .catch((error) => {
          if (!isDatabaseUnavailable(error)) return options.failed(error, log);
          if (!databaseLost) log.error({ code: 'DATABASE_UNAVAILABLE' }, options.lost((error as Error).message));
          databaseLost = true;
        })
        .finally(schedule);
    }, options.intervalMs);
    if (options.unref) timer.unref();
  }
  schedule();

  return {
    get stopped() {
      return stopped;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
