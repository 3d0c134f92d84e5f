import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { close, listen } from '../shared/http.ts';
import { internalApiVersion } from '../shared/internal-api.ts';
import { NetworkClient } from '../subgraphs/region/network-client.ts';

// What region tells its caller of a network that answered with a fault of its own, as against one that did not answer:
// "did not answer" for a network that was up and failing (the fuzz probe's underflow) sent an office to the wrong place.

let answer: Record<string, unknown> = {};
const network = createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ...answer, extensions: { internalApiVersion } }));
});
let url: string;
beforeAll(async () => {
  url = await listen(network, 0);
});
afterAll(() => close(network));

const client = () => new NetworkClient('NIWE', url, 2000, undefined);

test('a network that answers with its own fault is said to have failed, not to be silent; a write there is of unknown outcome', async () => {
  answer = { errors: [{ message: 'value out of range: underflow', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: null };
  const failed = client().request('{ search { totalCount } }', {}, undefined);
  await expect(failed).rejects.toMatchObject({
    message: 'Network NIWE failed to answer this request (a fault on its side); results from it are missing.',
    extensions: { code: 'NETWORK_UNAVAILABLE', network: 'NIWE' },
  });
  // The network's own words stay in region's log, not in the answer.
  await expect(failed).rejects.not.toMatchObject({ message: expect.stringMatching(/underflow/) });
  await expect(client().request('mutation { m }', {}, undefined, { write: true })).rejects.toMatchObject({
    message: expect.stringMatching(/^Network NIWE did not confirm the write, so it may or may not have been applied\./),
    extensions: { code: 'NETWORK_UNAVAILABLE', writeOutcome: 'UNKNOWN' },
  });
  answer = {};
  await expect(client().request('{ search { totalCount } }', {}, undefined)).rejects.toMatchObject({ message: expect.stringMatching(/failed to answer/) });
});

test('a network that does not answer at all is said not to answer', async () => {
  const gone = new NetworkClient('NIWE', 'http://127.0.0.1:9', 2000, undefined);
  await expect(gone.request('{ search { totalCount } }', {}, undefined)).rejects.toMatchObject({
    message: 'Network NIWE did not answer; results from it are missing.',
  });
});
