import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { DocumentAnalyses, DocumentAnalysis } from './document-analysis.ts';
import type { GatewayContext } from './server.ts';
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

function checkJson(path: string, value: unknown, depth = 0): void {
  if (typeof value === 'string') checkText(path, value);
  else if (value === null || typeof value !== 'object') return;
  else if (depth === maxVariableDepth) throw tooDeep();
  else if (Array.isArray(value)) {
    checkList(path, value.length);
    value.forEach((item, i) => checkJson(`${path}[${i}]`, item, depth + 1));
  } else for (const [key, item] of Object.entries(value)) checkJson(`${path}.${key}`, item, depth + 1);
}

/** Throws BAD_USER_INPUT naming the first malformed string or overlong list among the operation's arguments, in document order. */
export function checkArguments(analysis: DocumentAnalysis, variables: Record<string, unknown>): void {
  for (const check of analysis.argumentChecks) {
    if ('error' in check) throw check.error;
    checkJson(check.path, variables[check.variable]);
  }
}

/**
 * How deep variables may nest. The schema's deepest input is four levels (an inquiry's quantities in a patch); a
 * variable 100,000 levels deep, in a body well under the size limit, overflowed the stack of this walk and was
 * answered 500 (the fuzz probe).
 */
export const maxVariableDepth = 32;

const tooDeep = () =>
  badInput('variables', `The variables nest deeper than ${maxVariableDepth} levels; no input of this API nests so deep.`, {
    reason: 'TOO_DEEP',
    max: maxVariableDepth,
  });

function needsCheck(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isMalformedText(value);
  if (value === null || typeof value !== 'object') return false;
  if (depth === maxVariableDepth) throw tooDeep();
  if (Array.isArray(value)) return value.length > listLimits.anyInput || value.some((item) => needsCheck(item, depth + 1));
  return Object.values(value).some((item) => needsCheck(item, depth + 1));
}

/**
 * The document's literals were checked once, with its analysis (gateway/document-analysis.ts);
 * only a document with a failing literal or variables that fail need the walk over its
 * arguments that names the first problem; every other request costs one pass over its variables.
 * Literal lists need no length check: MAX_QUERY_TOKENS (2000) bounds them.
 */
export function inputChecksPlugin(analyses: DocumentAnalyses): ApolloServerPlugin<GatewayContext> {
  // One listener for every request: no object or closure made per request.
  const listener: GraphQLRequestListener<GatewayContext> = {
    async didResolveOperation({ document, request, contextValue }) {
      const variables = request.variables ?? {};
      const { admitted } = contextValue;
      const analysis =
        request.query === undefined ? analyses.ofDocument(document) : admitted?.query === request.query ? admitted.analysis : await analyses.of(request.query);
      try {
        if (!analysis.literalFails && !needsCheck(variables)) return;
        checkArguments(analysis, variables);
      } catch (error) {
        // Thrown here the error answers the whole request, which Apollo sends as HTTP 500 unless told otherwise.
        const { message, extensions } = error as GraphQLError;
        throw httpError('BAD_USER_INPUT', message, { extensions });
      }
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
