import { ApolloServerErrorCode } from '@apollo/server/errors';
import { getOperationAST, Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import type { DocumentAnalysis } from './document-analysis.ts';
import { httpError } from '../shared/errors.ts';
import { sha256Hex } from './safelist.ts';

// Mistakes in a request that Apollo's gateway only meets while planning, and then reports as our
// failure (HTTP 500, or 400 with INTERNAL_SERVER_ERROR): an operation name the document does not have,
// a number literal too large for a double (1e999 became Infinity, which the planner refused), and a
// persisted-query hash that is not the text's. Each is the client's to fix, so it is refused here,
// before any work, with HTTP 400 and a code.

const sha256Pattern = /^[0-9a-f]{64}$/;

/**
 * `extensions.persistedQuery`, when a request has one, as Apollo takes it: version 1, the SHA-256 of the
 * operation text in lower-case hex, and with a text, the SHA-256 of that text. Apollo answered each of these
 * mistakes without a code (a hash in capitals, a number, version 2: "Internal server error"). Returns the hash.
 */
export function checkPersistedQuery(extension: unknown, query: string | undefined): string | undefined {
  // Apollo reads the extension only when it is truthy.
  if (!extension) return undefined;
  const { version, sha256Hash } = typeof extension === 'object' ? (extension as { version?: unknown; sha256Hash?: unknown }) : {};
  if (version !== 1) {
    throw httpError(ApolloServerErrorCode.BAD_REQUEST, 'extensions.persistedQuery.version must be 1, the only version of persisted queries.');
  }
  if (typeof sha256Hash !== 'string' || !sha256Pattern.test(sha256Hash)) {
    throw httpError(
      ApolloServerErrorCode.BAD_REQUEST,
      'extensions.persistedQuery.sha256Hash must be the SHA-256 of the query text as 64 lower-case hexadecimal digits.',
    );
  }
  if (query !== undefined && sha256Hex(query) !== sha256Hash) {
    throw httpError(
      ApolloServerErrorCode.BAD_REQUEST,
      'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query text; send the hex SHA-256 of exactly this text.',
    );
  }
  return sha256Hash;
}

/**
 * The operation to run must be in the document: the one named by operationName, or its only one; and a query or
 * mutation: the graph has no subscriptions, which graphql-js does not validate and the planner refused with HTTP 500
 * (the fuzz probe).
 */
export function checkOperationName(document: DocumentNode, operationName: string | undefined): void {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation === OperationTypeNode.SUBSCRIPTION)
    throw httpError(
      ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
      'This graph has no subscriptions: ask with a query, or have events sent to you by a webhook (registerWebhook).',
    );
  if (operation) return;
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : []));
  if (names.length === 0) return; // no operation at all: validation says so
  const message = operationName
    ? `Unknown operation named "${operationName}"; the document has ${names.join(', ')}.`
    : `The document has ${names.length} operations (${names.join(', ')}); say which to run in operationName.`;
  throw httpError(ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, message);
}

/** Every number literal must fit a double: GraphQL's Float is one, and 1e999 is not. */
export function checkNumberLiterals(analysis: DocumentAnalysis): void {
  if (analysis.numberProblem !== undefined) throw httpError('BAD_USER_INPUT', analysis.numberProblem);
}
