import { openSync, writeSync } from 'node:fs';

// The JSON lines of a service, gathered and written in batches. Why not pino's own buffered destination
// (sonic-boom with minLength): it keeps the pending lines in one string and takes its byte length at every
// line, which flattens and scans the whole pending batch each time, and it writes through libuv's thread
// pool. Measured on the 2-core machine, a request line through it cost 8.0-9.0 µs of CPU, of which 3.1-3.6 µs
// are pino making the line; through this buffer 5.4-6.0 µs (200,000 request lines, five per event-loop turn).
// A gateway request makes three lines (gateway, region, a network), and the benchmark's cheapest shapes cost
// the whole stack about 1 ms, so those microseconds are a share of the 5 % logging may cost.

/** About 50 request lines of 300 bytes: one write(2) per 50 lines instead of one per line. */
const batchChars = 16_384;
/** A line waits at most this long for its batch: it shows within a second of its request. */
const flushAfterMs = 1000;
/** A reader that takes nothing (a full pipe) must not grow the service's memory without end: later lines are dropped, and counted. */
const maxPendingChars = 8 * 1024 * 1024;
/** A full non-blocking pipe answers EAGAIN: tried again after this long, the lines kept meanwhile. */
const retryAfterMs = 50;

const open = new Set<LineBuffer>();
let exitHooked = false;

/**
 * pino's destination for a service's lines: standard output (1), another descriptor, or a file path (appended
 * to). Written with writeSync, as Node writes process.stdout to a pipe or file on Linux: one system call per
 * batch, no thread-pool round trip, nothing in flight when the process exits. Everything pending is written
 * when the process exits (process.exit included); a process killed outright loses at most its last second.
 */
export class LineBuffer {
  readonly #fd: number;
  #lines: string[] = [];
  #chars = 0;
  /** Bytes a partial or refused write left over, written before the lines gathered since. */
  #rest: Buffer<ArrayBufferLike> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #dropped = 0;

  constructor(dest: number | string) {
    this.#fd = typeof dest === 'number' ? dest : openSync(dest, 'a');
    open.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.on('exit', () => {
        for (const buffer of open) buffer.flushSync();
      });
    }
  }

  /** pino's call, once per line (each ends in a newline). */
  write(line: string): void {
    if (this.#chars > maxPendingChars) {
      this.#dropped++;
      return;
    }
    this.#lines.push(line);
    // Characters, not bytes: a line of umlauts counts short, which only delays its batch a little.
    this.#chars += line.length;
    // While a refused write waits for its retry, a full batch waits with it: trying again at every line would
    // copy the whole pending output each time, on the request's path.
    if (this.#chars >= batchChars && !this.#rest) this.#write();
    else this.#timer ??= setTimeout(() => this.#write(), flushAfterMs).unref();
  }

  /** pino's logger.flush(): writes what is pending now (the "listening" line that supervisors wait for). */
  flush(done?: (error?: Error) => void): void {
    this.#write();
    done?.();
  }

  /** Writes everything pending, retrying a full pipe for up to a second: the process is about to exit. */
  flushSync(): void {
    const deadline = Date.now() + 1000;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    this.#write();
    while (this.#rest && Date.now() < deadline) {
      Atomics.wait(pause, 0, 0, 10);
      this.#write();
    }
  }

  #write(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#dropped > 0) {
      this.#lines.push(
        `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: `${this.#dropped} log lines dropped: the output took nothing` })}\n`,
      );
      this.#dropped = 0;
    }
    let chunk: Buffer<ArrayBufferLike> | undefined = this.#lines.length ? Buffer.from(this.#lines.join('')) : undefined;
    this.#lines = [];
    this.#chars = 0;
    if (this.#rest) chunk = chunk ? Buffer.concat([this.#rest, chunk]) : this.#rest;
    this.#rest = undefined;
    if (!chunk) return;
    let offset = 0;
    try {
      while (offset < chunk.length) offset += writeSync(this.#fd, chunk, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: the same bytes again shortly. Anything else (EPIPE: the reader is
      // gone) leaves nowhere to write, and a log line must never fail the request that wrote it.
      if (code === 'EAGAIN') {
        this.#rest = chunk.subarray(offset);
        this.#chars += this.#rest.length;
        this.#timer = setTimeout(() => this.#write(), retryAfterMs).unref();
      }
    }
  }
}
