import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { badInput, httpError } from '../shared/errors.ts';
import { checkText, isMalformedText, listLimits } from '../shared/validation.ts';

// Every argument of an operation, checked before any subgraph is called:
// - each string by the services' one text validator (shared/validation.ts): a
//   NUL or a lone surrogate reached the databases through inputs no validator
//   looked at (an inquiry's title) and came back as INTERNAL_SERVER_ERROR;
// - each list against listLimits.anyInput, a backstop for lists without a
//   limit of their own (an inquiry's quantities, a consortium's partners).
// The networks and region check their own inputs too, with the named limits;
// this covers every argument at once, named by its path (input.services[0].title).

function checkList(path: string, length: number): void {
  if (length > listLimits.anyInput)
    throw badInput(path, `${path} has ${length} entries; no list in a request may have more than ${listLimits.anyInput}.`, {
      reason: 'TOO_MANY',
      max: listLimits.anyInput,
    });
}

function checkJson(path: string, value: unknown): void {
  if (typeof value === 'string') checkText(path, value);
  else if (Array.isArray(value)) {
    checkList(path, value.length);
    value.forEach((item, i) => checkJson(`${path}[${i}]`, item));
  } else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) checkJson(`${path}.${key}`, item);
}

function checkNode(path: string, node: ValueNode, variables: Record<string, unknown>): void {
  if (node.kind === Kind.STRING) checkText(path, node.value);
  else if (node.kind === Kind.VARIABLE) checkJson(path, variables[node.name.value]);
  else if (node.kind === Kind.LIST) node.values.forEach((item, i) => checkNode(`${path}[${i}]`, item, variables));
  else if (node.kind === Kind.OBJECT) for (const field of node.fields) checkNode(`${path}.${field.name.value}`, field.value, variables);
}

/** Throws BAD_USER_INPUT naming the first malformed string or overlong list among the operation's arguments. */
export function checkArguments(document: DocumentNode, variables: Record<string, unknown>): void {
  visit(document, {
    Argument(node) {
      checkNode(node.name.value, node.value, variables);
    },
    VariableDefinition(node) {
      if (node.defaultValue) checkNode(`$${node.variable.name.value}`, node.defaultValue, variables);
    },
  });
}

function needsCheck(value: unknown): boolean {
  if (typeof value === 'string') return isMalformedText(value);
  if (Array.isArray(value)) return value.length > listLimits.anyInput || value.some(needsCheck);
  return value !== null && typeof value === 'object' && Object.values(value).some(needsCheck);
}

/**
 * Only a string literal with a \u escape (a raw NUL does not lex, and a lone
 * surrogate escape does not parse) or a variable that fails needs the walk
 * that names it; every other request costs one pass over its variables.
 * Literal lists need no length check: MAX_QUERY_TOKENS (2000) bounds them.
 */
function mayFail(query: string | undefined, variables: Record<string, unknown>): boolean {
  return query === undefined || query.includes('\\u') || needsCheck(variables);
}

export const inputChecksPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const variables = request.variables ?? {};
        if (!mayFail(request.query, variables)) return;
        try {
          checkArguments(document, variables);
        } catch (error) {
          // Thrown here the error answers the whole request, which Apollo sends as HTTP 500 unless told otherwise.
          const { message, extensions } = error as GraphQLError;
          throw httpError('BAD_USER_INPUT', message, { extensions });
        }
      },
    };
  },
};
