import { expect, test } from 'vitest';
import { startStack } from './support/stack.ts';
import { until } from './support/wait.ts';

// A test worker runs file after file in one process (vitest.config.ts), so a stack whose start fails part way
// must not leave its services behind: the networks were listening, with their database pools, when region's
// configuration was refused.

const open = (kind: string) => process.getActiveResourcesInfo().filter((resource) => resource === kind).length;

test('a stack whose start fails after its networks listen leaves no server and no connection open', async () => {
  const servers = open('TCPServerWrap');
  const sockets = open('TCPSocketWrap');
  await expect(startStack({ networkTimeoutMs: 10 })).rejects.toThrow(/NETWORK_TIMEOUT_MS/);
  // A closed handle leaves the list of active ones a turn of the event loop after its close is reported.
  await until(() => open('TCPServerWrap') === servers && open('TCPSocketWrap') <= sockets, 'every server and socket the stack opened is closed', 10_000);
  expect(open('TCPServerWrap')).toBe(servers);
});
