import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import {
  graphqlSync,
  isEnumType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  print,
  printSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, test } from 'vitest';
import { cachedSubgraphSchema, cacheKey, subgraphSchemaCache } from '../shared/subgraph-schema.ts';
import { withNewsResolvers } from '../subgraphs/network/news/news.resolvers.ts';
import { federatedResolvers, internalResolvers } from '../subgraphs/network/resolvers.ts';
import { networkInternalSdl, networkSubgraphSdl } from '../subgraphs/network/schema.ts';
import { regionInternalModule, regionModules } from '../subgraphs/region/schema.ts';

// A subgraph schema built from the kept result of an earlier build (shared/subgraph-schema.ts) is the one
// buildSubgraphSchema builds: the same definitions, directives included, the same resolvers on every field and
// type, the same answer to the gateway's `_service`.

const served: Record<string, () => GraphQLSchemaModule[]> = {
  "a network's subgraph": () => [{ typeDefs: parse(networkSubgraphSdl('NIWE')), resolvers: federatedResolvers('NIWE') }],
  "a network's internal API": () => [{ typeDefs: parse(networkInternalSdl()), resolvers: withNewsResolvers(internalResolvers('NIWE'), 'NIWE') }],
  "region's subgraph": () => regionModules(),
  "region's internal API": () => [regionInternalModule],
};

/** Everything of a type that a resolver map can set, by name. */
function attached(type: GraphQLNamedType): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const [name, field] of Object.entries(type.getFields())) parts[`${name}.resolve`] = field.resolve;
  }
  if (isObjectType(type)) parts.isTypeOf = type.isTypeOf;
  if (isInterfaceType(type) || isUnionType(type)) parts.resolveType = type.resolveType;
  if (isObjectType(type) || isInterfaceType(type) || isUnionType(type)) {
    parts.resolveReference = (type.extensions as { apollo?: { subgraph?: { resolveReference?: unknown } } }).apollo?.subgraph?.resolveReference;
  }
  if (isScalarType(type)) Object.assign(parts, { serialize: type.serialize, parseValue: type.parseValue, parseLiteral: type.parseLiteral });
  if (isEnumType(type)) for (const value of type.getValues()) parts[value.name] = value.value;
  return parts;
}

function expectSameSchema(cached: GraphQLSchema, built: GraphQLSchema) {
  expect(printSchema(cached)).toBe(printSchema(built));
  for (const [name, type] of Object.entries(built.getTypeMap())) {
    const other = cached.getType(name)!;
    expect(other.astNode && print(other.astNode), name).toBe(type.astNode && print(type.astNode));
    const ours = attached(other);
    for (const [part, value] of Object.entries(attached(type))) {
      // The two resolvers buildSubgraphSchema makes itself are new functions in each schema; each has one.
      if (name === built.getQueryType()!.name && (part === '_service.resolve' || part === '_entities.resolve')) expect(typeof ours[part]).toBe('function');
      else if (name === '_Entity' && part === 'resolveType') expect(typeof ours[part]).toBe('function');
      // The same function, or, where no resolver gave one, graphql-js's default of the same text (a scalar's parseLiteral).
      else expect(ours[part] === value || String(ours[part]) === String(value), `${name} ${part}`).toBe(true);
    }
  }
  for (const directive of built.getDirectives()) {
    expect(cached.getDirective(directive.name)?.astNode && print(cached.getDirective(directive.name)!.astNode!)).toBe(
      directive.astNode && print(directive.astNode),
    );
  }
  const service = (schema: GraphQLSchema) => graphqlSync({ schema, source: '{ _service { sdl } }' });
  expect(service(cached)).toEqual(service(built));
}

describe('a subgraph schema built from the kept result of an earlier build', () => {
  for (const [name, modules] of Object.entries(served)) {
    test(`is the one buildSubgraphSchema builds: ${name}`, () => {
      const once = modules();
      cachedSubgraphSchema(once);
      expect(existsSync(join(subgraphSchemaCache, `${cacheKey(once)}.json`))).toBe(true);
      expectSameSchema(cachedSubgraphSchema(once), buildSubgraphSchema(once));
    });
  }

  test('is taken from the kept result when there is one', () => {
    // A text no run has built before; a kept result planted for it is what the next build returns.
    const sdl = `${networkSubgraphSdl('NIWE')}\n# planted ${Date.now()}-${Math.random()}\n`;
    const modules = () => [{ typeDefs: parse(sdl), resolvers: federatedResolvers('NIWE') }];
    const file = join(subgraphSchemaCache, `${cacheKey(modules())}.json`);
    const built = cachedSubgraphSchema(modules());
    writeFileSync(file, JSON.stringify({ sdl: 'planted', definitions: `${printSchema(built)}\ntype Planted { field: Int }` }));
    try {
      const planted = cachedSubgraphSchema(modules());
      expect(planted.getType('Planted')).toBeDefined();
      expect(graphqlSync({ schema: planted, source: '{ _service { sdl } }' }).data).toEqual({ _service: { sdl: 'planted' } });
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('is never kept for an SDL that fails the checks, which fails on every build', () => {
    const modules = () => [{ typeDefs: parse(`type Query { broken${Date.now()}: NoSuchType }`) }];
    expect(() => cachedSubgraphSchema(modules())).toThrow(/NoSuchType/);
    expect(existsSync(join(subgraphSchemaCache, `${cacheKey(modules())}.json`))).toBe(false);
    expect(() => cachedSubgraphSchema(modules())).toThrow(/NoSuchType/);
  });

  test('an SDL without its source text (an AST made by hand) is built each time, not kept', () => {
    const typeDefs = parse('type Query { hello: String }', { noLocation: true });
    expect(cacheKey([{ typeDefs }])).toBeUndefined();
    expect(printSchema(cachedSubgraphSchema([{ typeDefs }]))).toBe(printSchema(buildSubgraphSchema([{ typeDefs }])));
  });
});

test('keeps the newest 40 results, so changes to an SDL do not pile up', () => {
  for (let i = 0; i < 42; i++) cachedSubgraphSchema([{ typeDefs: parse(`type Query { field${i}_${Date.now()}: Int }`) }]);
  expect(readdirSync(subgraphSchemaCache).length).toBeLessThanOrEqual(40);
});
