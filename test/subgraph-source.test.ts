import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SubgraphSource } from '../gateway/subgraph-source.ts';
import { signedPost } from '../shared/http-client.ts';
import { decodeIdentity, identityHeader, type Identity } from '../shared/identity.ts';
import { fetchNameHeader } from '../shared/observability.ts';
import { createSignatureVerifier } from '../shared/signature.ts';
import type { GatewayContext } from '../gateway/server.ts';

// The gateway's calls to a subgraph, against a real HTTP server on port 0 that
// holds every request until the test releases it, so requests are in flight together.

const secret = 'a-secret-of-at-least-16-characters';
const verify = createSignatureVerifier('niwe', secret);
let url: string;
let server: ReturnType<typeof createServer>;
let held: {
  body: string;
  identity: string | undefined;
  fetchName: string | undefined;
  refusal: string | null;
  answer: (status: number, body: string) => void;
}[] = [];
let connections = 0;
/**
 * The body of a call made to time out: never answered and never held, so that it cannot land in a later test's
 * `held` (on a busy machine it reached the server after the client gave up and the next test had begun).
 */
const unanswered = '{"unanswered":true}';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (body.toString() === unanswered) return;
      const refusal = await verify({ method: req.method!, path: req.url!, body, headers: req.headers });
      held.push({
        body: body.toString(),
        identity: req.headers[identityHeader] as string | undefined,
        fetchName: req.headers[fetchNameHeader] as string | undefined,
        refusal,
        answer: (status, text) => res.writeHead(status, { 'content-type': 'application/json' }).end(text),
      });
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => {
  // The unanswered call's connection may still be open: close() alone would wait for it.
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  held = [];
});

const admin: Identity = { role: 'admin', subject: 'test' };
const partner: Identity = { role: 'partner', subject: 'acme' };
const entities = '($representations: [_Any!]!) { _entities(representations: $representations) { ... on NiweMember { name } } }';
// As the query plan names its fetches: the client's operation, the subgraph, the fetch.
const read = `query Q__niwe__1${entities}`;
const write = 'mutation U__niwe__0 { archiveMember(id: "NIWE:m-1") { id } }';

/** A fetch of a query plan; `of` is the kind of the client's operation the plan is for. */
function call(source: SubgraphSource, query: string, identity: Identity, variables: Record<string, unknown> = {}, of: 'query' | 'mutation' = 'query') {
  return source.process({
    kind: 'incoming operation',
    request: { query, variables, operationName: /^\w+ (\w+)/.exec(query)?.[1] },
    context: { identity, requestId: 'r' },
    incomingRequestContext: { operation: { kind: 'OperationDefinition', operation: of } },
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
}

async function arrived(count: number): Promise<void> {
  for (let i = 0; i < 200 && held.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(held).toHaveLength(count);
}

test('identical reads in flight share one signed request, and each caller gets its own copy of the answer', async () => {
  const sent: string[] = [];
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret, onRequest: (name) => sent.push(name) });
  const answers = [call(source, read, admin), call(source, read, admin), call(source, read, admin)];
  await arrived(1);
  expect(held[0].refusal).toBeNull();
  expect(decodeIdentity(held[0].identity)).toMatchObject({ role: 'admin', subject: 'test' });
  expect(JSON.parse(held[0].body)).toEqual({ query: `query${entities}`, variables: {} });
  expect(held[0].fetchName).toBe('Q__niwe__1');
  held[0].answer(200, JSON.stringify({ data: { _entities: [{ name: 'Fräserei' }] } }));
  const results = await Promise.all(answers);
  expect(results.map((r) => r.data)).toEqual([
    { _entities: [{ name: 'Fräserei' }] },
    { _entities: [{ name: 'Fräserei' }] },
    { _entities: [{ name: 'Fräserei' }] },
  ]);
  expect(results[0]).not.toBe(results[1]);
  expect(sent).toEqual(['niwe']);
  expect(source.shared()).toBe(2);

  // Once answered, the same read goes out again.
  const later = call(source, read, admin);
  await arrived(2);
  held[1].answer(200, '{"data":{"_entities":[]}}');
  expect((await later).data).toEqual({ _entities: [] });
  expect(sent).toEqual(['niwe', 'niwe']);
});

test("fetches that differ only in the client's operation name go as one text without it, shared in flight; the name goes as a header", async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const first = call(source, `query ProfilePage__niwe__1${entities}`, admin);
  const second = call(source, `query MemberCard__niwe__2${entities}`, admin);
  await arrived(1);
  expect(held[0].refusal).toBeNull();
  expect(JSON.parse(held[0].body)).toEqual({ query: `query${entities}`, variables: {} });
  expect(held[0].fetchName).toBe('ProfilePage__niwe__1');
  held[0].answer(200, '{"data":{"_entities":[]}}');
  expect((await Promise.all([first, second])).map((r) => r.data)).toEqual([{ _entities: [] }, { _entities: [] }]);
  expect(source.shared()).toBe(1);

  // A write keeps its keyword without the name, and is still never shared.
  const writes = [call(source, write, admin), call(source, 'mutation V__niwe__0 { archiveMember(id: "NIWE:m-1") { id } }', admin)];
  await arrived(3);
  expect(held.slice(1).map((h) => JSON.parse(h.body).query)).toEqual([
    'mutation { archiveMember(id: "NIWE:m-1") { id } }',
    'mutation { archiveMember(id: "NIWE:m-1") { id } }',
  ]);
  // Two sockets: the server may see them in either order.
  expect(
    held
      .slice(1)
      .map((h) => h.fetchName)
      .sort(),
  ).toEqual(['U__niwe__0', 'V__niwe__0']);
  for (const h of held.slice(1)) h.answer(200, '{"data":{}}');
  await Promise.all(writes);
  expect(source.shared()).toBe(1);

  // An unnamed fetch goes as it came, with no header; a name before the operation's directives goes, the directives stay.
  const unnamedRead = call(source, `query${entities}`, partner);
  const directed = call(source, 'query D__niwe__1@lang(code:"de"){__typename}', partner);
  await arrived(5);
  const [directive, plain] = [held[3], held[4]].sort((a, b) => a.body.length - b.body.length);
  expect(JSON.parse(plain.body).query).toBe(`query${entities}`);
  expect(plain.fetchName).toBeUndefined();
  expect(JSON.parse(directive.body).query).toBe('query@lang(code:"de"){__typename}');
  expect(directive.fetchName).toBe('D__niwe__1');
  for (const h of held.slice(3)) h.answer(200, '{"data":{}}');
  await Promise.all([unnamedRead, directed]);
});

test("a read of a mutation's plan is never answered by an identical read in flight, which may have been sent before the write", async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const card = call(source, `query MemberCard__niwe__1${entities}`, admin);
  const saved = call(source, `query SaveWebsite__niwe__1${entities}`, admin, {}, 'mutation');
  await arrived(2);
  expect(held.map((h) => JSON.parse(h.body).query)).toEqual([`query${entities}`, `query${entities}`]);
  for (const h of held) h.answer(200, '{"data":{"_entities":[]}}');
  await Promise.all([card, saved]);
  expect(source.shared()).toBe(0);
});

test("a read of a mutation's plan that fails says the write was applied; a query's read says nothing of a write", async () => {
  // An updateMember through region whose member's fields NIWE could not give read "cannot reach its database … Retry
  // shortly." with no outcome, and a createMember retried without a key was made twice (the faults probe).
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const refused = { message: 'Network NIWE cannot reach its database.', extensions: { code: 'NETWORK_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' } };
  const saved = call(source, `query SaveWebsite__niwe__1${entities}`, admin, {}, 'mutation');
  const card = call(source, `query MemberCard__niwe__1${entities}`, partner);
  await arrived(2);
  for (const h of held) h.answer(200, JSON.stringify({ data: { _entities: [null] }, errors: [refused] }));
  const [afterWrite, ofQuery] = await Promise.all([saved, card]);
  expect(afterWrite.errors).toEqual([
    {
      message: 'Network NIWE cannot reach its database. The write was applied; only reading back what it wrote failed, so do not send it again: read it later.',
      extensions: { ...refused.extensions, writeOutcome: 'APPLIED' },
    },
  ]);
  expect(ofQuery.errors).toEqual([refused]);
  // A subgraph that cannot be reached at all: the same for the read-back.
  const gone = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url: 'http://127.0.0.1:1/graphql', secret });
  const readBack = await call(gone, read, admin, {}, 'mutation').catch((error) => error);
  expect([readBack.extensions.writeOutcome, readBack.message]).toEqual([
    'APPLIED',
    expect.stringMatching(/^Network NIWE could not be reached\. The write was applied;/),
  ]);
  // The write itself, refused at connecting: nothing was sent, so not applied (it said UNKNOWN, where region says
  // NOT_APPLIED of a network that refuses it; the faults probe). One sent and not answered stays UNKNOWN (above).
  const notSent = await call(gone, write, admin, {}, 'mutation').catch((error) => error);
  expect([notSent.extensions.writeOutcome, notSent.message]).toEqual([
    'NOT_APPLIED',
    'Network NIWE could not be reached. The write was not applied; retry it later.',
  ]);
});

test('writes, other identities and other variables are never shared', async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const pending = [
    call(source, write, admin),
    call(source, write, admin),
    call(source, read, admin),
    call(source, read, partner),
    call(source, read, admin, { representations: [{ __typename: 'NiweMember', id: 'NIWE:m-2' }] }),
  ];
  await arrived(5);
  expect(held.map((h) => h.refusal)).toEqual([null, null, null, null, null]);
  for (const h of held) h.answer(200, '{"data":{}}');
  await Promise.all(pending);
  expect(source.shared()).toBe(0);
});

test('each distinct representation is sent once; the answer and its errors go back to every place that asked', async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const rep = (n: number) => ({ __typename: 'NiweMember', id: `NIWE:m-${n}` });
  // Ten posts of two members and one more member: the plan's order of places, with repeats.
  const asked = [rep(1), rep(2), rep(1), rep(1), rep(3), rep(2), rep(1), rep(1), rep(2), rep(1)];
  const pending = call(source, read, admin, { representations: asked, other: 'kept' });
  await arrived(1);
  const sent = JSON.parse(held[0].body).variables;
  expect(sent).toEqual({ representations: [rep(1), rep(2), rep(3)], other: 'kept' });
  expect(held[0].refusal).toBeNull();
  held[0].answer(
    200,
    JSON.stringify({
      data: { _entities: [{ name: 'Eins', services: [{ title: 'Fräsen' }] }, null, { name: 'Drei', services: [] }] },
      errors: [{ message: 'Member NIWE:m-2 is archived.', path: ['_entities', 1], extensions: { code: 'NOT_FOUND' } }, { message: 'elsewhere' }],
    }),
  );
  const { data, errors } = await pending;
  const entities = data!._entities as ({ name: string; services: unknown[] } | null)[];
  expect(entities.map((e) => e?.name ?? null)).toEqual(['Eins', null, 'Eins', 'Eins', 'Drei', null, 'Eins', 'Eins', null, 'Eins']);
  // The gateway merges later fetches into each place: no two places may hold the same object.
  const ones = entities.filter((e) => e?.name === 'Eins');
  expect(new Set(ones).size).toBe(6);
  expect(new Set(ones.map((e) => e!.services)).size).toBe(6);
  expect(errors!.map((e) => [e.message, e.path])).toEqual([
    ['Member NIWE:m-2 is archived.', ['_entities', 1]],
    ['Member NIWE:m-2 is archived.', ['_entities', 5]],
    ['Member NIWE:m-2 is archived.', ['_entities', 8]],
    ['elsewhere', undefined],
  ]);
  expect(errors![1].extensions).toEqual({ code: 'NOT_FOUND' });
});

test('an answer with too few entities is passed on as it came, for the gateway to refuse', async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const rep = { __typename: 'NiweMember', id: 'NIWE:m-1' };
  const pending = call(source, read, admin, { representations: [rep, rep, { ...rep, id: 'NIWE:m-2' }] });
  await arrived(1);
  held[0].answer(200, JSON.stringify({ data: { _entities: [{ name: 'Eins' }] } }));
  expect((await pending).data).toEqual({ _entities: [{ name: 'Eins' }] });
});

test('distinct representations go out exactly as the plan made them', async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const asked = [
    { __typename: 'NiweMember', id: 'NIWE:m-1' },
    { __typename: 'NiweMember', id: 'NIWE:m-2' },
  ];
  const pending = call(source, read, admin, { representations: asked });
  await arrived(1);
  expect(JSON.parse(held[0].body).variables).toEqual({ representations: asked });
  held[0].answer(200, JSON.stringify({ data: { _entities: [{ name: 'Eins' }, { name: 'Zwei' }] } }));
  expect((await pending).data).toEqual({ _entities: [{ name: 'Eins' }, { name: 'Zwei' }] });
});

test('a subgraph that answers with an error status becomes an error, with no address in it', async () => {
  const source = new SubgraphSource({ timeoutMs: 5000, name: 'niwe', url, secret });
  const failing = call(source, read, admin);
  await arrived(1);
  held[0].answer(503, 'busy');
  const error = await failing.then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error?.message).toBe('503: Service Unavailable');
  expect(JSON.stringify(error)).not.toContain('127.0.0.1');
});

test('calls reuse kept-alive connections and stop at their time limit', async () => {
  const before = connections;
  for (let i = 0; i < 3; i++) {
    const pending = signedPost(secret, url, { service: 'niwe', body: '{}' });
    await arrived(i + 1);
    held[i].answer(200, '{}');
    expect((await pending).status).toBe(200);
  }
  // At most the first call opens one (earlier tests may have left one open); the others reuse it.
  expect(connections - before).toBeLessThanOrEqual(1);

  const late = signedPost(secret, url, { service: 'niwe', body: unanswered, timeoutMs: 50 });
  await expect(late).rejects.toThrow('no answer within 50 ms');
});

test('a request signed for another service is refused, even with the same secret', async () => {
  const forLinat = signedPost(secret, url, { service: 'linat', body: '{}' });
  await arrived(1);
  expect(held[0].refusal).toBe('the signature does not match');
  held[0].answer(401, '{}');
  expect((await forLinat).status).toBe(401);
  const forNiwe = signedPost(secret, url, { service: 'NIWE', body: '{}' });
  await arrived(2);
  expect(held[1].refusal).toBeNull();
  held[1].answer(200, '{}');
  await forNiwe;
});

test('a subgraph whose call ran out of its budget is asked by one call at a time until it answers; the others fail at once', async () => {
  // A network cut off from the gateway kept every profile read waiting the whole budget (the operations probe).
  const sent: string[] = [];
  // A budget the probe's answer below is given in well within, on a busy machine too.
  const source = new SubgraphSource({ timeoutMs: 1500, name: 'niwe', url, secret, onRequest: (name) => sent.push(name) });
  const ofMember = (n: number) => ({ representations: [{ __typename: 'NiweMember', id: `NIWE:m-${n}` }] });
  const first = call(source, read, admin, ofMember(1)).catch((error) => error);
  await arrived(1);
  // Sent before the silence and timing out while the probe waits (600 ms after the first, so after the probe is sent):
  // it lets no further call through (it did: the review).
  await new Promise((resolve) => setTimeout(resolve, 600));
  const second = call(source, read, admin, ofMember(2)).catch((error) => error);
  await arrived(2);
  expect(await first).toMatchObject({ message: 'Network NIWE did not answer within 1500 ms.', extensions: { code: 'NETWORK_UNAVAILABLE' } });
  // Silent now: the next call goes (the probe), the ones beside it are not sent.
  const probe = call(source, read, admin, ofMember(3));
  await arrived(3);
  expect((await second).message).toBe('Network NIWE did not answer within 1500 ms.');
  await expect(call(source, read, admin, ofMember(4))).rejects.toMatchObject({
    message: expect.stringMatching(
      /^Network NIWE has not answered for \d+ s \(a call ran out of its 1500 ms\); it is asked again once the call in flight to it is answered\.$/,
    ),
    extensions: { code: 'NETWORK_UNAVAILABLE', network: 'NIWE' },
  });
  await expect(call(source, write, admin, {}, 'mutation')).rejects.toMatchObject({
    message: expect.stringMatching(/The write was not applied; retry it later\.$/),
    extensions: { writeOutcome: 'NOT_APPLIED' },
  });
  expect(sent).toHaveLength(3);
  // The probe answers: every call goes again.
  held[2].answer(200, '{"data":{"_entities":[{"name":"Drei"}]}}');
  await expect(probe).resolves.toEqual({ data: { _entities: [{ name: 'Drei' }] } });
  const [five, six] = [call(source, read, admin, ofMember(5)), call(source, read, admin, ofMember(6))];
  await arrived(5);
  for (const request of held.slice(3)) request.answer(200, '{"data":{"_entities":[{"name":"x"}]}}');
  await Promise.all([five, six]);
  expect(sent).toHaveLength(5);
});
