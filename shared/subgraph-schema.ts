import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
// Not exported from the package's index: the steps buildSubgraphSchema takes once its schema is built. The
// versions are pinned (package.json), and test/subgraph-schema.test.ts compares both ways on every schema we serve.
import { addResolversToSchema } from '@apollo/subgraph/dist/schema-helper/buildSchemaFromSDL.js';
import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { entitiesResolver } from '@apollo/subgraph/dist/types.js';
import { buildASTSchema, type DefinitionNode, type DocumentNode, type GraphQLResolveInfo, type GraphQLSchema, Kind, parse, print } from 'graphql';
import { packageVersions, readCached, startCachePath, writeCached } from './start-cache.ts';

// buildSubgraphSchema checks a subgraph's SDL against the federation spec, prints it and parses it twice, and
// builds graphql-js's schema from the result: on a service's start 0.1-0.15 s of CPU for a network's two
// schemas and about 0.17 s for region's (first call, 2-core machine), where graphql-js alone builds the same
// schema from its printed definitions in 20-40 ms. So the result of a build is kept by a hash of the SDL and
// of the versions that built it, and a start with the same SDL builds from it; the resolvers are attached
// anew each time, as buildSubgraphSchema attaches them. An SDL that fails the checks is never kept, so it
// fails on every start. A cache that cannot be read or written costs only the time it would have saved.

export const subgraphSchemaCache = startCachePath('irm-subgraph-schemas');

interface Kept {
  /** What `{ _service { sdl } }` answers: the SDL as the gateway's composition reads it. */
  sdl: string;
  /** Every definition of the built schema, printed. */
  definitions: string;
}

const versions = packageVersions(['@apollo/subgraph', '@apollo/federation-internals', 'graphql']);

/** buildSubgraphSchema, from the kept result of an earlier build of the same SDL where there is one. */
export function cachedSubgraphSchema(modules: GraphQLSchemaModule[]): GraphQLSchema {
  const key = cacheKey(modules);
  const kept = key && read(key);
  if (kept) {
    const schema = buildASTSchema(parse(kept.definitions, { noLocation: true }), { assumeValidSDL: true });
    attachResolvers(schema, kept.sdl, modules);
    return schema;
  }
  const schema = buildSubgraphSchema(modules);
  if (key) write(key, { sdl: serviceSdl(schema), definitions: print(definitionsOf(schema)) });
  return schema;
}

/** The hash of the modules' SDL as written (a DocumentNode parsed with locations keeps its source). */
export function cacheKey(modules: GraphQLSchemaModule[]): string | undefined {
  const hash = createHash('sha256').update(versions);
  for (const { typeDefs } of modules) {
    const source = typeDefs.loc?.source.body;
    if (source === undefined) return undefined;
    hash.update('\0').update(source);
  }
  return hash.digest('hex');
}

function read(key: string): Kept | undefined {
  const text = readCached(join(subgraphSchemaCache, `${key}.json`));
  try {
    return text === undefined ? undefined : (JSON.parse(text) as Kept);
  } catch {
    // Not ours, or damaged by hand: built again, and written anew.
    return undefined;
  }
}

function write(key: string, kept: Kept): void {
  if (!writeCached(join(subgraphSchemaCache, `${key}.json`), JSON.stringify(kept))) return;
  // Each change to an SDL adds a file (up to 0.2 MB for region's): the newest ones stay, enough for every schema
  // of the four services across a few changes and branches.
  try {
    const files = readdirSync(subgraphSchemaCache)
      .map((name) => ({ path: join(subgraphSchemaCache, name), at: statSync(join(subgraphSchemaCache, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of files.slice(keptSchemas)) rmSync(old.path, { force: true });
  } catch {}
}
const keptSchemas = 40;

/** The SDL buildSubgraphSchema gave `_service`, asked of the schema it built. */
function serviceSdl(schema: GraphQLSchema): string {
  const service = schema.getQueryType()!.getFields()._service;
  return (service.resolve!(undefined, {}, undefined, {} as GraphQLResolveInfo) as { sdl: string }).sdl;
}

/** What graphql-js built the schema from: each type's and directive's definition, and its extensions. */
function definitionsOf(schema: GraphQLSchema): DocumentNode {
  const definitions: DefinitionNode[] = [];
  if (schema.astNode) definitions.push(schema.astNode);
  definitions.push(...schema.extensionASTNodes);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.astNode) definitions.push(type.astNode);
    definitions.push(...type.extensionASTNodes);
  }
  for (const directive of schema.getDirectives()) if (directive.astNode) definitions.push(directive.astNode);
  return { kind: Kind.DOCUMENT, definitions };
}

/** The resolvers buildSubgraphSchema attaches: `_service`, `_entities` where there are entities, then the modules'. */
function attachResolvers(schema: GraphQLSchema, sdl: string, modules: GraphQLSchemaModule[]): void {
  const query = schema.getQueryType()!.name;
  addResolversToSchema(schema, { [query]: { _service: () => ({ sdl }) } });
  if (schema.getType('_Entity')) {
    addResolversToSchema(schema, {
      [query]: { _entities: (_source, { representations }, context, info) => entitiesResolver({ representations, context, info }) },
      _Entity: { __resolveType: (parent: { __typename: string }) => parent.__typename },
    });
  }
  for (const module of modules) if (module.resolvers) addResolversToSchema(schema, module.resolvers);
}
