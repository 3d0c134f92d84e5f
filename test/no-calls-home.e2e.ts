import net from 'node:net';
import { expect, test } from 'vitest';
import { callsHome } from './support/no-calls-home.ts';
import { startStack } from './support/stack.ts';

// Nothing in the project contacts a host outside the deployment unless an operator configures it.
// The guard in test/support/no-calls-home.ts watches every test file; this one runs the whole
// stack's life, start to stop (@apollo/gateway's exporter flushed its usage on shutdown).

test('the guard refuses and records a connection to a host outside the machine', async () => {
  // 192.0.2.1 is TEST-NET-1, reserved for documentation: the guard refuses it before a packet is sent.
  const error = await new Promise<Error>((resolve) => net.connect(80, '192.0.2.1').once('error', resolve));
  expect(error.message).toMatch(/test guard: connection to 192\.0\.2\.1:80 refused/);
  expect(callsHome.splice(0)).toEqual([{ host: '192.0.2.1', port: 80 }]);
});

test('a second copy of the guard, as a worker evaluates it for each file it runs, does not wrap it again and starts the record empty', async () => {
  const connect = net.Socket.prototype.connect;
  // What a file whose check did not run would leave behind.
  callsHome.push({ host: '192.0.2.9', port: 443 });
  // A new URL, a new module: Node evaluates the file again, as vitest does the setup file for every test file.
  // (The afterAll it registers while this test runs is none of this file's hooks: vitest collected those before.)
  const again = (await import(`./support/no-calls-home.ts?copy=${Date.now()}`)) as typeof import('./support/no-calls-home.ts');
  expect(net.Socket.prototype.connect).toBe(connect);
  expect(again.callsHome).toBe(callsHome);
  expect(callsHome).toEqual([]);
});

test('a stack started, queried and stopped calls no host outside the machine', async () => {
  const stack = await startStack();
  const res = await stack.query('{ networks { code memberCount } }');
  expect(res.errors).toBeUndefined();
  await stack.stop();
  expect(callsHome).toEqual([]);
});
