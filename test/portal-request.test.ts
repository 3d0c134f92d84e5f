import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorText } from '../portal/src/field-errors.ts';
import { locale } from '../portal/src/i18n.ts';

// The portal's client against a real HTTP server that sends an answer's headers and then holds its body, as a
// busy gateway does mid-answer: a request cancelled then (a second search typed quickly) must end as cancelled.
// Reading the body failed with the abort, the failure was taken for an unreadable body, and the page got an
// answer with no data and no error, in place of the one it waited for (use-query.ts settles with what comes).

// The portal's code is checked with the DOM's types (portal/tsconfig.json); imported by a path the root type check,
// with Node's fetch and no DOM, does not follow.
const client = 'graphql.ts';
const { request } = (await import(`../portal/src/${client}`)) as {
  request: (
    op: { name: string; text: string },
    variables: object,
    signal?: AbortSignal,
  ) => Promise<{ data: unknown; errors: { message: string; extensions?: Record<string, unknown> }[] }>;
};

const held: ServerResponse[] = [];
const server = createServer((req, res) => {
  if (req.url === '/too-large') {
    // The gateway's refusal of a body over 1 MiB (shared/http.ts), before GraphQL.
    res.writeHead(413, { 'content-type': 'application/json' });
    return res.end(
      JSON.stringify({
        errors: [
          { message: 'Request body is too large: at most 1 MB (1048576 bytes); send files as attachments.', extensions: { code: 'BAD_REQUEST', max: 1048576 } },
        ],
      }),
    );
  }
  if (req.url === '/proxy-too-large') {
    res.writeHead(413, { 'content-type': 'text/html' });
    return res.end('<html><body>413 Request Entity Too Large</body></html>');
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  if (req.url === '/hold') {
    res.write('{"data":');
    held.push(res);
  } else res.end('{"data":{"ok":true}}');
});
const realFetch = globalThis.fetch;
let base = '';
let headersCame: () => void = () => {};

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // What the page gives the client: its origin for '/graphql' (here the server's paths by the test's choice),
  // the build's operation ids and the cookies.
  Object.assign(globalThis, { __PERSISTED_OPERATION_IDS__: { Probe: 'f'.repeat(64) }, document: { cookie: '' } });
  globalThis.fetch = async (_url, init) => {
    const response = await realFetch(`${base}${path}`, init);
    headersCame();
    return response;
  };
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  for (const res of held) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

let path = '/';
const probe = { name: 'Probe', text: 'query Probe { ok }' };

describe("the portal's requests", () => {
  test('an answer read whole is the answer', async () => {
    path = '/';
    expect(await request(probe, {})).toEqual({ data: { ok: true }, errors: [] });
  });

  test('a request cancelled while its body comes ends cancelled, not as an empty answer', async () => {
    path = '/hold';
    const controller = new AbortController();
    const came = new Promise<void>((resolve) => {
      headersCame = resolve;
    });
    const answer = request(probe, {}, controller.signal);
    await came;
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
  });

  test("a body over the gateway's limit is the portal's REQUEST_TOO_LARGE, said in the page's language", async () => {
    // It was the gateway's English, shown as it came on a German page ("Das Senden ist fehlgeschlagen: Request body …").
    for (const at of ['/too-large', '/proxy-too-large']) {
      path = at;
      const { data, errors } = await request(probe, {});
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors[0].extensions?.code).toBe('REQUEST_TOO_LARGE');
      expect(errorText(errors[0], locale('de'))).toBe('Das ist zu viel auf einmal für den Server; bitte kürzen Sie die Angaben oder senden Sie sie in Teilen.');
      expect(errorText(errors[0], locale('en'))).toBe('This is too much at once for the server; please shorten it or send it in parts.');
    }
  });
});
