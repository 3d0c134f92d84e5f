import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import operations from '@apollo/federation-internals/dist/operations.js';
import apolloTelemetry from '@apollo/gateway/dist/utilities/opentelemetry.js';
import { parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { installQuietApolloSpans } from '../gateway/apollo-spans.ts';
import { installOperationReuse, operationFromDocument } from '../gateway/operation-reuse.ts';

// The gateway's two patches of Apollo's per-request work (gateway/operation-reuse.ts, gateway/apollo-spans.ts):
// installed where the executor reads them, and the Operation kept only for the executor's call on the same nodes.

const supergraph = readFileSync(new URL('../gateway/supergraph.graphql', import.meta.url), 'utf8');
const api = Supergraph.build(supergraph).apiSchema();
const text = '{ members(first: 2) { edges { node { id name } } } }';

describe("the executor's Operation", () => {
  test('is installed where @apollo/gateway reads it', () => {
    installOperationReuse();
    expect(operations.operationFromDocument).toBe(operationFromDocument);
  });

  test('is kept for the same document nodes and schema, and built anew for other nodes or a validating call', () => {
    const document = parse(text);
    const first = operationFromDocument(api, document, { validate: false });
    // Compared by identity as booleans: vitest's diff of two Operations (their schema inside) runs out of stack.
    expect(operationFromDocument(api, document, { validate: false }) === first).toBe(true);
    // The same text parsed again is other nodes: Apollo's document store hands the same ones for a cached operation.
    expect(operationFromDocument(api, parse(text), { validate: false }) === first).toBe(false);
    // The planner's validating calls go on as before.
    expect(operationFromDocument(api, document) === first).toBe(false);
    // Another schema (a supergraph reload) builds its own.
    expect(operationFromDocument(Supergraph.build(supergraph).apiSchema(), document, { validate: false }) === first).toBe(false);
  });
});

test("Apollo's spans run with one span that records nothing when no tracer provider is registered globally", () => {
  installQuietApolloSpans();
  const { tracer } = apolloTelemetry as { tracer: { startActiveSpan: (name: string, fn: (span: unknown) => unknown) => unknown } };
  const a = tracer.startActiveSpan('one', (span) => span);
  const b = tracer.startActiveSpan('two', (span) => span);
  expect(a).toBe(b);
  expect((a as { isRecording(): boolean }).isRecording()).toBe(false);
});
