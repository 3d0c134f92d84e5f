import net from 'node:net';
import { afterAll, expect } from 'vitest';

// Every test file runs with this guard (vitest.config.ts setupFiles): a connection from the test
// process to anything but this machine is refused before a packet leaves, and recorded, and the file
// fails. It caught @apollo/gateway's exporter probing cloud metadata addresses at start-up.

export interface CallHome {
  host: string;
  port: number | undefined;
}

export const callsHome: CallHome[] = [];

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

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: ConnectArgs) {
  const to = target(args);
  if (!to || loopback.test(to.host)) return connect.apply(this, args);
  callsHome.push(to);
  process.nextTick(() => this.destroy(new Error(`test guard: connection to ${to.host}:${to.port} refused (nothing may leave this machine)`)));
  return this;
} as typeof connect;

afterAll(() => {
  expect(callsHome, 'connections from this test file to hosts outside the machine').toEqual([]);
});
