import operations from '@apollo/federation-internals/dist/operations.js';
import type { Operation, Schema } from '@apollo/federation-internals';
import type { DefinitionNode, DocumentNode } from 'graphql';

// @apollo/gateway's executeQueryPlan turns the request's parsed operation into
// federation's Operation on every request (operationFromDocument, with
// validate: false), for @skip/@include and the result shaping, even when the
// query plan came from the cache. Its parsed document comes from Apollo's
// document store, so a cached operation hands it the same definition nodes
// every time, and the Operation built from them is the same: a function of the
// API schema and those nodes, which nothing downstream changes (the executor
// and gateway/result-shaping.ts only read it). It is kept per API schema and
// operation node, as long as the document is (a WeakMap): a one-off operation,
// which Apollo's store does not keep (shared/operation-caches.ts), takes its
// Operation with it. Benchmark Q2.1 at concurrency 1: 15.6 of the 178 kB the
// gateway allocated a request, and about 4 % of its CPU profile; kept, Q2's
// Operation holds 4.8 kB beside its parsed document's 13.7 kB (bench/README,
// "The gateway's own work on a planned request").

type OperationFromDocument = typeof operations.operationFromDocument;

const apolloOperationFromDocument: OperationFromDocument = operations.operationFromDocument;

interface Kept {
  /** The document's other definitions (its fragments) when the operation was built: a request reuses it only with the same nodes. */
  rest: readonly DefinitionNode[];
  operation: Operation;
}

const kept = new WeakMap<Schema, WeakMap<DefinitionNode, Kept>>();

function sameRest(a: readonly DefinitionNode[], b: readonly DefinitionNode[], from: number): boolean {
  if (a.length !== b.length - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i + from]) return false;
  return true;
}

/**
 * Apollo's operationFromDocument, reusing what it built before for the same schema and nodes. Only the executor's
 * call (validate: false, no operation name, the operation first) is kept: the planner's calls validate and go on as
 * before, and so does anything that throws.
 */
export function operationFromDocument(schema: Schema, document: DocumentNode, options?: Parameters<OperationFromDocument>[2]): Operation {
  const first = document.definitions[0];
  if (options?.validate !== false || options.operationName !== undefined || first?.kind !== 'OperationDefinition')
    return apolloOperationFromDocument(schema, document, options);
  let bySchema = kept.get(schema);
  const found = bySchema?.get(first);
  if (found && sameRest(found.rest, document.definitions, 1)) return found.operation;
  const operation = apolloOperationFromDocument(schema, document, options);
  if (!bySchema) {
    bySchema = new WeakMap();
    kept.set(schema, bySchema);
  }
  bySchema.set(first, { rest: document.definitions.slice(1), operation });
  return operation;
}

/**
 * @apollo/gateway reads the export through @apollo/federation-internals' index, whose binding is a getter of this
 * module's exports object, at every call; operations.js's own callers use its local function and are untouched. For the
 * whole process, as installResultShaping (gateway/result-shaping.ts).
 */
export function installOperationReuse(): void {
  operations.operationFromDocument = operationFromDocument;
}
