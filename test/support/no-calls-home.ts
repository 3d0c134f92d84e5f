import net from 'node:net';
import { afterAll, expect } from 'vitest';

// Every test file runs with this guard (vitest.config.ts setupFiles): a connection from the test
// process to anything but this machine is refused before a packet leaves, and recorded, and the file
// fails. It caught @apollo/gateway's exporter probing cloud metadata addresses at start-up.

export interface CallHome {
  host: string;
  port: number | undefined;
}

const loopback = /^(localhost|127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3}|\[::1\])$/i;

type ConnectArgs = Parameters<net.Socket['connect']>;

/** The host and port of a Socket#connect call; undefined for a Unix socket path. */
function target(args: unknown[]): CallHome | undefined {
  // net.connect hands Socket#connect its arguments already normalised, as one array.
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'string') return undefined;
  if (typeof first === 'number') return { host: typeof second === 'string' ? second : 'localhost', port: first };
  const options = first as net.TcpNetConnectOpts & { path?: string };
  if (options.path) return undefined;
  return { host: options.host ?? 'localhost', port: options.port === undefined ? undefined : Number(options.port) };
}

/** Wraps Socket#connect; returns where refused connections are recorded. */
function install(): CallHome[] {
  const calls: CallHome[] = [];
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: ConnectArgs) {
    const to = target(args);
    if (!to || loopback.test(to.host)) return connect.apply(this, args);
    calls.push(to);
    process.nextTick(() => this.destroy(new Error(`test guard: connection to ${to.host}:${to.port} refused (nothing may leave this machine)`)));
    return this;
  } as typeof connect;
  return calls;
}

const installed = Symbol.for('irm.test.callsHome');

// Once per process. A test worker runs file after file (vitest.config.ts, isolate: false) and evaluates this file
// again for each, and a test file that imports it gets another copy of it: each would wrap the wrapper before it,
// and a file's record would be in whichever copy wrapped last.
const processWide = globalThis as { [installed]?: CallHome[] };
processWide[installed] ??= install();
export const callsHome: CallHome[] = processWide[installed];
// A file starts with an empty record. The last file's check below empties it, unless that check did not run (an
// afterAll before it threw, the file failed as it was collected): that file has failed already, and its calls
// are not this one's.
callsHome.splice(0);

afterAll(() => {
  // Emptied for the next file in this worker, whose own check must not fail for this one's calls.
  expect(callsHome.splice(0), 'connections from this test file to hosts outside the machine').toEqual([]);
});
