import { randomBytes } from 'node:crypto';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionOptions } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGatewayOnly, type LoneGateway } from './support/gateway-only.ts';

// How a partner's tools learn the schema: the SDL at /graphql/schema.graphql in every mode (production has no
// introspection), and introspection where it is on, in every form graphql's getIntrospectionQuery writes. Only the
// gateway runs: both are answered there.

let development: LoneGateway;
let production: LoneGateway;

beforeAll(async () => {
  const auth = { secret: randomBytes(32).toString('hex') };
  [development, production] = await Promise.all([
    startGatewayOnly({ auth, introspection: true }),
    startGatewayOnly({ auth, production: true, introspection: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([development?.stop(), production?.stop()]);
});

const schemaFile = (gateway: LoneGateway, headers: Record<string, string> = {}) => fetch(`${gateway.url}/schema.graphql`, { headers });

async function post(gateway: LoneGateway, query: string) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as any };
}

/** The forms tools send: graphql's default, each option on its own, all of them (GraphiQL 5, newer codegen). */
const variants: [string, IntrospectionOptions][] = [
  ['default', {}],
  ['oneOf', { oneOf: true }],
  ['no descriptions', { descriptions: false }],
  ['specifiedByUrl', { specifiedByUrl: true }],
  ['directiveIsRepeatable', { directiveIsRepeatable: true }],
  ['schemaDescription', { schemaDescription: true }],
  ['inputValueDeprecation', { inputValueDeprecation: true }],
  ['all', { specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }],
];

describe('the schema file', () => {
  test('production publishes the API schema as SDL, with its descriptions and without federation internals', async () => {
    const response = await schemaFile(production);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    expect(sdl).toMatch(/^type Query \{$/m);
    expect(sdl).toMatch(/Members of all networks/);
    expect(sdl).not.toMatch(/join__|link__|@link|_entities|_service|_Any|federation__|@inaccessible|@tag/);
    // The file is a schema graphql-js builds as it stands.
    expect(buildSchema(sdl).getQueryType()?.getFields().members).toBeDefined();
    expect(await (await schemaFile(development)).text()).toBe(sdl);
  });

  test('a tool polls it cheaply: an ETag, revalidated each time, 304 while unchanged', async () => {
    const first = await schemaFile(production);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await schemaFile(production, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await schemaFile(production, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  test('it is the schema introspection describes', async () => {
    const sdl = await (await schemaFile(development)).text();
    const { body } = await post(development, getIntrospectionQuery(variants.at(-1)![1]));
    const printed = (schema: Parameters<typeof lexicographicSortSchema>[0]) => printSchema(lexicographicSortSchema(schema));
    expect(printed(buildClientSchema(body.data))).toBe(printed(buildSchema(sdl)));
  });
});

describe('introspection', () => {
  test.each(variants)('%s: answered where introspection is on', async (_, options) => {
    const { status, body } = await post(development, getIntrospectionQuery(options));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    const inputs = body.data.__schema.types.filter((type: { kind: string }) => type.kind === 'INPUT_OBJECT');
    expect(inputs.length).toBeGreaterThan(10);
    // None of our input types is @oneOf; without the option nothing asks.
    for (const type of inputs) expect(type.isOneOf).toBe(options.oneOf ? false : undefined);
  });

  test('isOneOf asked by itself: false for an input type, null for any other', async () => {
    const { status, body } = await post(development, '{ filter: __type(name: "MemberFilter") { name isOneOf } query: __type(name: "Query") { isOneOf } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { filter: { name: 'MemberFilter', isOneOf: false }, query: { isOneOf: null } } });
  });

  test.each(variants)('%s: refused in production as any introspection, pointing to the schema file', async (_, options) => {
    const { status, body } = await post(production, getIntrospectionQuery(options));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toMatch(
      /^Introspection is not allowed on this gateway \(NODE_ENV=production\): read its schema as SDL at GET \/graphql\/schema.graphql/,
    );
  });
});
