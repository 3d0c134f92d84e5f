import { readFileSync } from 'node:fs';
import federation from '@apollo/federation-internals';
import { parse } from 'graphql';
import { beforeEach, describe, expect, test } from 'vitest';
import { inputChecksPlugin } from '../gateway/input-checks.ts';
import { defaultLimits } from '../gateway/limits.ts';
import { createPolicy, type Caller, type OperationRequest, type Policy } from '../gateway/policy.ts';
import { supergraphPath } from '../gateway/supergraph.ts';

// The gateway's checks parse and walk a document once per text, not once per request
// (gateway/document-analysis.ts): counted, so that a change which walks every request again shows here.

const apiSchema = federation.Supergraph.build(readFileSync(supergraphPath, 'utf8')).apiSchema().toGraphQLJSSchema();
// Staff have no rate limit: every request is admitted or refused by the checks alone.
const admin: Caller = { identity: { role: 'admin', subject: 'test' }, address: '127.0.0.1' };
const deepMembers = 'query Deep($first: Int) { members(first: $first) { edges { node { services { processes { code } } } } } }';

let policy: Policy;

beforeEach(async () => {
  policy = createPolicy({
    limits: defaultLimits,
    partnerRateLimits: { requestsPerMinute: 1, costPerMinute: 1 },
    anonymousRateLimits: { requestsPerMinute: 1, costPerMinute: 1 },
    tokenFailuresPerMinute: 1,
    safelist: undefined,
    persistedQuery: async () => undefined,
    analysisCacheMb: 1,
  });
  const listener = await policy.plugin.serverWillStart();
  listener.schemaDidLoadOrUpdate({ apiSchema, coreSupergraphSdl: '' } as never);
});

/** The refusal's code and limit, or 'admitted'. */
async function admit(request: OperationRequest): Promise<unknown> {
  try {
    await policy.admitOperation(admin, request);
    return 'admitted';
  } catch (error) {
    const { code, limit } = (error as { extensions: { code: string; limit?: string } }).extensions;
    return limit ? `${code} ${limit}` : code;
  }
}

/** Runs the input checks as Apollo does after validation; the refusal's code and message, or 'passed'. */
async function inputChecks(query: string, variables: Record<string, unknown>): Promise<string> {
  const listener = await inputChecksPlugin(policy.analyses).requestDidStart!({} as never);
  try {
    await listener!.didResolveOperation!({ document: parse(query), request: { query, variables }, contextValue: {} } as never);
    return 'passed';
  } catch (error) {
    return `${(error as { extensions: { code: string } }).extensions.code}: ${(error as Error).message}`;
  }
}

describe('document analyses', () => {
  test('an operation is parsed and walked on its first two requests only, and measured once per argument value', async () => {
    const { work } = policy.analyses;
    for (let n = 0; n < 10; n++) expect(await admit({ query: deepMembers, variables: { first: 10 } })).toBe('admitted');
    // Stored on its second sighting (shared/operation-caches.ts): two parses, two walks, two measures, then none.
    expect(work).toEqual({ parses: 2, walks: 2, measures: 2 });
    for (let n = 0; n < 10; n++) expect(await inputChecks(deepMembers, { first: 10 })).toBe('passed');
    expect(work).toEqual({ parses: 2, walks: 2, measures: 2 });
    // A new value of the argument the cost reads is measured, and refused when over the limit, every time it comes.
    for (let n = 0; n < 3; n++) expect(await admit({ query: deepMembers, variables: { first: 5000 } })).toBe('OPERATION_LIMIT_EXCEEDED cost');
    expect(await admit({ query: deepMembers, variables: { first: 10 } })).toBe('admitted');
    expect(work).toEqual({ parses: 2, walks: 2, measures: 3 });
  });

  test('a variable the cost does not read costs no measure', async () => {
    const { work } = policy.analyses;
    const profile = 'query Profile($id: ID!) { member(id: $id) { id name services { title } } }';
    for (let n = 0; n < 20; n++) expect(await admit({ query: profile, variables: { id: `NIWE:m-${n}` }, operationName: 'Profile' })).toBe('admitted');
    expect(work).toEqual({ parses: 2, walks: 2, measures: 2 });
  });

  test('each operation of one document is measured on its own', async () => {
    const twoOperations = `query Small { networks { code } } ${deepMembers.replace('query Deep', 'query Large')}`;
    for (let n = 0; n < 3; n++) {
      expect(await admit({ query: twoOperations, operationName: 'Small' })).toBe('admitted');
      expect(await admit({ query: twoOperations, operationName: 'Large', variables: { first: 5000 } })).toBe('OPERATION_LIMIT_EXCEEDED cost');
      expect(await admit({ query: twoOperations, operationName: 'Missing' })).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  });

  test('refusals found by the walk hold for every request of the document, cached or not', async () => {
    const huge = '{ findSuppliers(requirements: { processes: ["3.2.3"], maxDistanceKm: 1e999 }, first: 1) { totalCount } }';
    const nul = '{ members(first: 1, filter: { text: "a\\u0000b" }) { edges { node { id } } } }';
    for (let n = 0; n < 3; n++) {
      expect(await admit({ query: huge })).toBe('BAD_USER_INPUT');
      expect(await admit({ query: nul })).toBe('admitted');
      expect(await inputChecks(nul, {})).toMatch(/^BAD_USER_INPUT: filter\.text contains a NUL character/);
    }
    expect(policy.analyses.work.parses).toBe(4);
  });

  test('variables are checked on every request, the first problem in document order named', async () => {
    const query = 'query($t: String, $ids: [NetworkCode!]) { members(first: 1, filter: { text: $t, networks: $ids }) { edges { node { id } } } }';
    for (let n = 0; n < 3; n++) {
      expect(await inputChecks(query, { t: 'Fräsen' })).toBe('passed');
      expect(await inputChecks(query, { t: 'a\u0000', ids: Array(1001).fill('x') })).toMatch(/^BAD_USER_INPUT: filter\.text contains a NUL/);
      expect(await inputChecks(query, { t: 'ok', ids: ['\ud800'] })).toMatch(/^BAD_USER_INPUT: filter\.networks\[0\] contains a lone UTF-16 surrogate/);
    }
    expect(policy.analyses.work.walks).toBe(2);
  });
});
