import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { checkText, isMalformedText } from '../shared/validation.ts';

// Every string argument of an operation, checked by the services' one text
// validator (shared/validation.ts) before any subgraph is called: a NUL or a
// lone surrogate reached the databases through inputs no validator looked at
// (an inquiry's title) and came back as INTERNAL_SERVER_ERROR. The networks and
// region check their own inputs too; this covers every string of every field
// at once, named by its argument path (input.services[0].title).

function checkJson(path: string, value: unknown): void {
  if (typeof value === 'string') checkText(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => checkJson(`${path}[${i}]`, item));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) checkJson(`${path}.${key}`, item);
}

function checkNode(path: string, node: ValueNode, variables: Record<string, unknown>): void {
  if (node.kind === Kind.STRING) checkText(path, node.value);
  else if (node.kind === Kind.VARIABLE) checkJson(path, variables[node.name.value]);
  else if (node.kind === Kind.LIST) node.values.forEach((item, i) => checkNode(`${path}[${i}]`, item, variables));
  else if (node.kind === Kind.OBJECT) for (const field of node.fields) checkNode(`${path}.${field.name.value}`, field.value, variables);
}

function holdsMalformed(value: unknown): boolean {
  if (typeof value === 'string') return isMalformedText(value);
  if (Array.isArray(value)) return value.some(holdsMalformed);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsMalformed);
}

/**
 * Only a string literal with a \u escape (a raw NUL does not lex, and a lone
 * surrogate escape does not parse) or a malformed variable needs the walk
 * that names it; every other request costs one pass over its variables.
 */
function mayHoldMalformed(query: string | undefined, variables: Record<string, unknown>): boolean {
  return query === undefined || query.includes('\\u') || holdsMalformed(variables);
}

/** Throws BAD_USER_INPUT (HTTP 400) naming the first malformed string among the operation's arguments. */
export function checkStrings(document: DocumentNode, variables: Record<string, unknown>): void {
  visit(document, {
    Argument(node) {
      checkNode(node.name.value, node.value, variables);
    },
    VariableDefinition(node) {
      if (node.defaultValue) checkNode(`$${node.variable.name.value}`, node.defaultValue, variables);
    },
  });
}

export const malformedStringsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const variables = request.variables ?? {};
        if (!mayHoldMalformed(request.query, variables)) return;
        try {
          checkStrings(document, variables);
        } catch (error) {
          const { message, extensions } = error as GraphQLError;
          throw new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
        }
      },
    };
  },
};
