import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InquirySchema } from '../subgraphs/region/inquiries/entities.ts';
import { startStack, type Stack } from './support/stack.ts';

// NODE_ENV=production at the gateway: nothing about the schema or the services behind it leaks.

let production: Stack;
let development: Stack;

beforeAll(async () => {
  [production, development] = await Promise.all([startStack({ production: true }), startStack()]);
});
afterAll(async () => {
  await Promise.all([production?.stop(), development?.stop()]);
});

const leaks = /stacktrace|127\.0\.0\.1|localhost|serviceName|ECONNREFUSED|at .*\.ts:\d+/;

describe('production mode', () => {
  test('GraphiQL and partners get the schema as SDL in production too, where introspection is off', async () => {
    const schema = (stack: Stack) => fetch(new URL('/graphql/schema.graphql', stack.gatewayUrl));
    const published = await schema(production);
    expect(published.status).toBe(200);
    const sdl = await published.text();
    expect(sdl).toMatch(/type Query/);
    expect(sdl).not.toMatch(/join__|_entities|_service/);
    expect(await (await schema(development)).text()).toBe(sdl);
  });

  test('introspection is off', async () => {
    const res = await production.query(`{ __schema { types { name } } }`);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // In the gateway's words: what turns it on is INTROSPECTION=1, not an option of Apollo Server's.
    expect(res.errors?.[0].message).toBe(
      'Introspection is not allowed on this gateway (NODE_ENV=production): read its schema as SDL at GET /graphql/schema.graphql instead; its operator turns introspection on with INTROSPECTION=1.',
    );
    expect((await development.query(`{ __schema { queryType { name } } }`)).data.__schema.queryType.name).toBe('Query');
  });

  test('validation errors make no suggestions', async () => {
    const query = `{ networks { cod } }`;
    const dev = await development.query(query);
    expect(dev.errors?.[0].message).toMatch(/Did you mean "code"\?/);
    const res = await production.query(query);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/Cannot query field "cod" on type "Network"/);
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  test('client errors keep their code and message, without internal details', async () => {
    const res = await production.query(`{ member(id: "NIWE:m-999") { name } }`);
    expect(res.errors?.[0]).toMatchObject({ message: 'Member NIWE:m-999 does not exist.', extensions: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(res)).not.toMatch(leaks);
  });

  test('an anonymous caller keeps the public fields; each field that needs sign-in gets UNAUTHENTICATED at its path, HTTP 200', async () => {
    const res = await production.query(`{ networks { code } inquiries { id } webhooks { id } capacityBookings { id } }`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ networks: [{ code: 'NIWE' }, { code: 'LINAT' }, { code: 'KONAT' }], inquiries: null, webhooks: null, capacityBookings: null });
    const signIn = (path: string) => ({
      message: 'Sign in: this operation needs a bearer token.',
      path: [path],
      extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
    });
    expect(res.errors).toEqual(expect.arrayContaining(['inquiries', 'webhooks', 'capacityBookings'].map(signIn)));
    expect(res.errors).toHaveLength(3);
    // No subgraph's raw answer rides along (it used to: extensions.response.body with region's whole JSON, "401: Unauthorized").
    expect(JSON.stringify(res)).not.toMatch(/"response"|Unauthorized|\b401\b/);
  });

  test('a write without a token is answered 200 with UNAUTHENTICATED at the field; a bad token is HTTP 401 and nothing runs', async () => {
    const write = `mutation { createMember(network: NIWE, input: { name: "Anonym GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`;
    // createMember is refused in a network, revokeApiKey in region itself (which used to answer HTTP 401 for it).
    for (const [mutation, field] of [
      [write, 'createMember'],
      ['mutation { revokeApiKey(id: "k-1") { id } }', 'revokeApiKey'],
    ]) {
      const anonymous = await production.query(mutation);
      expect(anonymous.status).toBe(200);
      expect(anonymous.data).toBeNull();
      expect(anonymous.errors).toEqual([
        { message: 'Sign in: this operation needs a bearer token.', path: [field], extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } },
      ]);
    }
    const forged = await production.query(write, {}, `${await production.token({ role: 'admin' })}x`);
    expect(forged.status).toBe(401);
    expect(forged.data).toBeUndefined();
    expect(forged.errors).toHaveLength(1);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.errors?.[0].message).toMatch(/The token is not valid: its signature, issuer or audience does not match/);
    expect((await production.query(`{ members(filter: { text: "Anonym" }) { totalCount } }`)).data.members.totalCount).toBe(0);
  });

  test('a field that fails inside a subgraph is masked at its path; the other fields stand', async () => {
    const table = production.region.orm.getMetadata().get(InquirySchema).tableName;
    const admin = await production.token({ role: 'admin' });
    await production.region.orm.em.getConnection().execute(`alter table "${table}" rename to "${table}_away"`);
    let res;
    try {
      res = await production.query(`{ networks { code } inquiries { id } }`, {}, admin);
    } finally {
      await production.region.orm.em.getConnection().execute(`alter table "${table}_away" rename to "${table}"`);
    }
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ networks: [{ code: 'NIWE' }, { code: 'LINAT' }, { code: 'KONAT' }], inquiries: null });
    expect(res.errors).toEqual([
      { message: 'Internal server error', path: ['inquiries'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } },
    ]);
    expect(JSON.stringify(res)).not.toMatch(leaks);
    expect((await production.query(`{ inquiries { id } }`, {}, admin)).data).toEqual({ inquiries: [] });
  });

  test('a killed subgraph yields SERVICE_UNAVAILABLE with the request id the log names, and no address', async () => {
    await production.stopRegion();
    const response = await fetch(production.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ networks { code name } }' }),
    });
    const body: any = await response.json();
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data).toBeNull();
    // Ours to fix, not the client's, and said plainly: which service, without its address.
    expect(body.errors).toEqual([
      { message: 'Service region could not be reached.', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region', requestId } },
    ]);
    expect(JSON.stringify(body)).not.toMatch(leaks);
  });
});
