import { readFileSync } from 'node:fs';
import federation from '@apollo/federation-internals';
import type { FieldSelection, Schema, SelectionSet, Type } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import { apolloComputeResponse, computeResponse } from '../gateway/result-shaping.ts';
import { supergraphPath } from '../gateway/supergraph.ts';

// The gateway's result shaping (gateway/result-shaping.ts) against Apollo's,
// which it replaces: the same operations, variables and merged subgraph
// answers go to both, and the answers must be the same to the byte (keys in
// the same order), with the same errors at the same paths, or both must
// throw the same. The answers are drawn at random per operation, from the
// values a subgraph should send and the ones it should not: nulls in
// non-null places, wrong scalars, unknown enum values, missing fields, a
// __typename unknown to the schema or missing.

const small = federation.buildSchema(`
  type Query { a: A, as: [A!], nn: A!, u: U, i: I, is: [I]!, ints: [[Int!]]!, e: E, n: Int, f: Float, ok: Boolean, j: JSON }
  type A implements I { id: ID!, x: Int, y: String!, e: E, b: B, bs: [B!]!, tags: [String!] }
  type B { z: Float!, w: [String], n: Int! }
  interface I { id: ID! }
  type C implements I { id: ID!, c: Boolean!, a: A }
  union U = A | C
  enum E { ONE TWO }
  scalar JSON
`);

const smallOperations: [name: string, text: string, variables?: Record<string, unknown>][] = [
  ['fields and aliases', '{ a { id x second: x y e tags b { z w n } } n f ok e j }'],
  ['non-null bubbling through lists', '{ as { id y bs { z n } } nn { y bs { n } } ints }'],
  [
    'abstract types and fragments',
    '{ u { __typename ... on A { id y } ... on C { c id } } i { id ... on C { c a { y } } ...Ay } is { __typename id ...on A { x } } } fragment Ay on A { y e }',
  ],
  ['aliased __typename', '{ i { kind: __typename t: __typename id } u { name: __typename } }'],
  ['one field asked twice', '{ a { b { z } b { n w } id } a2: a { id } }'],
  [
    '@skip and @include',
    'query($s: Boolean!, $i: Boolean = true) { a { id @skip(if: $s) x @include(if: $i) y @skip(if: false) b @include(if: $s) { z } ... on A @skip(if: $i) { e } } n @include(if: false) }',
    { s: true },
  ],
  [
    '@skip and @include, other values',
    'query($s: Boolean!, $i: Boolean = true) { a { id @skip(if: $s) x @include(if: $i) b @include(if: $s) { z } } }',
    { s: false, i: false },
  ],
  ['a variable of @include set to null', 'query($i: Boolean = true) { nn { y } a @include(if: $i) { id } }', { i: null }],
  [
    'conditions on fragments and spreads',
    'query($x: Boolean!) { a { ... @include(if: $x) { id } ...Ay @skip(if: $x) ... on A @include(if: $x) { x } } } fragment Ay on A { y }',
    { x: true },
  ],
  [
    'conditions on fragments and spreads, other value',
    'query($x: Boolean!) { a { ... @include(if: $x) { id } ...Ay @skip(if: $x) } } fragment Ay on A { y }',
    { x: false },
  ],
  ['names Object.prototype has', '{ a { toString: id constructor: b { z } valueOf: __typename hasOwnProperty: y } constructor: n isPrototypeOf: as { id } }'],
  ['a list asked twice', '{ as { id b { z } } as { y b { n } } is { id } is { ... on C { c } } }'],
  ['the root typename', '{ __typename a { id } ... on Query { n } t: __typename }'],
];

const api = federation.Supergraph.build(readFileSync(supergraphPath, 'utf8')).apiSchema();
const memberFields = 'id name services { title } processes { code name } certifications { standard validUntil }';
const apiOperations: [name: string, text: string, variables?: Record<string, unknown>][] = [
  ['Q2', `query Q2($first: Int) { members(first: $first) { edges { node { ${memberFields} } } } }`, { first: 10 }],
  ['profile', `query($id: ID!) { member(id: $id) { __typename ${memberFields} ... on NiweMember { id } } }`, { id: 'x' }],
  ['members with a named fragment', 'query { members(first: 3) { totalCount edges { cursor node { ...M } } } } fragment M on Member { id n: name }'],
];

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Draw = () => number;

function pick<T>(values: readonly T[], draw: Draw): T {
  return values[Math.floor(draw() * values.length)];
}

function leaf(type: Type, draw: Draw): unknown {
  const name = String(type);
  if (draw() < 0.05) return pick([42.5, 'text', true, { x: 1 }], draw);
  if (name === 'Int') return Math.floor(draw() * 100);
  if (name === 'Float') return draw() * 10;
  if (name === 'Boolean') return draw() < 0.5;
  if (federation.isEnumType(type)) return draw() < 0.9 ? pick(type.values, draw).name : 'THREE';
  if (name === 'ID') return draw() < 0.5 ? `id-${Math.floor(draw() * 100)}` : Math.floor(draw() * 100);
  return `s${Math.floor(draw() * 1000)}`;
}

/** A merged answer for `selectionSet`: fields the operation asked for under their response names, sometimes broken. */
function answer(schema: Schema, selectionSet: SelectionSet, typename: unknown, draw: Draw, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (typename !== undefined) object.__typename = typename;
  // The root too may carry a __typename, of any kind.
  if (depth === 0 && draw() < 0.3) object.__typename = pick(['Query', '', null, 0, 'Nope'], draw);
  for (const selection of selectionSet.selections()) {
    if (selection.kind !== 'FieldSelection') {
      Object.assign(object, answer(schema, selection.selectionSet!, undefined, draw, depth));
      continue;
    }
    const field = (selection as FieldSelection).element;
    if (field.name === '__typename') {
      if (draw() < 0.3) object[field.responseName()] = typename === undefined ? 'A' : typename;
      continue;
    }
    if (draw() < 0.04) continue; // missing
    object[field.responseName()] = value(schema, field.definition.type!, selection.selectionSet, draw, depth + 1);
  }
  return object;
}

function value(schema: Schema, type: Type, selectionSet: SelectionSet | undefined, draw: Draw, depth: number): unknown {
  if (draw() < (type.kind === 'NonNullType' ? 0.03 : 0.1)) return null;
  if (type.kind === 'NonNullType') return value(schema, type.ofType, selectionSet, draw, depth);
  if (type.kind === 'ListType') {
    if (draw() < 0.02) return 'not a list';
    return Array.from({ length: Math.floor(draw() * 4) }, () => value(schema, type.ofType, selectionSet, draw, depth));
  }
  if (federation.isCompositeType(type)) {
    if (depth > 6) return null;
    if (draw() < 0.02) return pick(['not an object', 7], draw);
    const runtime = federation.possibleRuntimeTypes(type).map((t) => t.name);
    const chance = draw();
    // Mostly a type the field can hold; else none, or one it cannot: unknown, a scalar, an interface, another object, not a string.
    const typename = chance < 0.15 ? undefined : chance < 0.25 ? pick(['Nope', 'Int', 'I', 'Member', 'C', 'A', 'Query', null, 5], draw) : pick(runtime, draw);
    return answer(schema, selectionSet!, typename, draw, depth);
  }
  return leaf(type, draw);
}

function outcome(shape: typeof computeResponse, args: Parameters<typeof computeResponse>[0]) {
  try {
    const { data, errors } = shape(args);
    return { data: JSON.stringify(data), errors: errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions.code })) };
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

function compare(schema: Schema, text: string, variables: Record<string, unknown> | undefined, seed: number, answers: number) {
  const draw = random(seed);
  let withErrors = 0;
  let threw = 0;
  for (let n = 0; n < answers; n++) {
    // A fresh operation per answer, as the gateway builds one per request.
    const operation = federation.parseOperation(schema, text);
    const input = answer(schema, operation.selectionSet, undefined, draw);
    const args = { operation, variables, input, introspectionHandling: () => ({ introspected: true }) };
    const ours = outcome(computeResponse, args);
    const apollo = outcome(apolloComputeResponse, args);
    expect(ours, `answer ${n}: ${JSON.stringify(input)}`).toEqual(apollo);
    if (ours.threw) threw++;
    else if (ours.errors!.length > 0) withErrors++;
  }
  return { withErrors, threw };
}

describe('result shaping', () => {
  it("compares with Apollo's own", () => {
    // Not ours twice, were the module's export already replaced when this file took it.
    expect(apolloComputeResponse).not.toBe(computeResponse);
    expect(apolloComputeResponse.toString()).toContain('applySelectionSet');
  });

  it.each(smallOperations)('answers as Apollo does: %s', (_, text, variables) => {
    const { withErrors, threw } = compare(small, text, variables, text.length, 400);
    // The drawn answers must reach the error paths too, or the comparison proves little.
    expect(withErrors + threw).toBeGreaterThan(20);
  });

  it.each(apiOperations)('answers as Apollo does on the region graph: %s', (_, text, variables) => {
    const { withErrors, threw } = compare(api, text, variables, text.length, 200);
    expect(withErrors).toBeGreaterThan(0);
    expect(threw).toBeGreaterThan(0);
  });

  it('answers a missing input and an introspection field as Apollo does', () => {
    const operation = federation.parseOperation(small, '{ __schema { queryType { name } } n }');
    const args = { operation, input: { n: 3 }, introspectionHandling: () => ({ queryType: { name: 'Query' } }) };
    expect(computeResponse(args)).toEqual(apolloComputeResponse(args));
    expect(JSON.stringify(computeResponse(args).data)).toBe('{"__schema":{"queryType":{"name":"Query"}},"n":3}');
    expect(computeResponse({ ...args, input: null })).toEqual({ data: null, errors: [] });
  });

  it('leaves an alias __proto__ to Apollo, whose objects have no prototype', () => {
    const operation = federation.parseOperation(small, '{ a { __proto__: y id } }');
    const { data } = computeResponse({ operation, input: JSON.parse('{"a":{"__proto__":"p","id":"1"}}'), introspectionHandling: () => null });
    const a = (data as { a: object }).a;
    expect(Object.getPrototypeOf(a)).toBe(null);
    expect(Object.keys(a)).toEqual(['__proto__', 'id']);
  });

  it('builds plain objects', () => {
    const operation = federation.parseOperation(small, '{ a { id b { z n } } }');
    const { data } = computeResponse({ operation, input: { a: { id: '1', b: { z: 1.5, n: 2 } } }, introspectionHandling: () => null });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((data as { a: object }).a)).toBe(Object.prototype);
    expect(data).toEqual({ a: { id: '1', b: { z: 1.5, n: 2 } } });
  });
});
