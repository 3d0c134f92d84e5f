import { hash } from 'node:crypto';
import { GraphQLError, Kind, parse, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { analysisStore } from '../shared/operation-caches.ts';
import { checkText } from '../shared/validation.ts';
import type { BudgetLeft } from './rate-limit.ts';
import { argumentValue, measureOperation, withVariableDefaults, type ArgumentRead, type OperationLimits, type OperationMeasure } from './limits.ts';

// What the gateway's checks need from a request's document, found in one parse
// and one walk and kept per document text. The policy (gateway/policy.ts) used
// to parse every request and walk it for its number literals and its limits,
// and the input checks (gateway/input-checks.ts) walked Apollo's copy once more:
// about 0.23 ms of the gateway's 3.3 ms of CPU per cached request (benchmark
// Q2.10 and profile, CPU profiles), none of which depends on anything but the
// text, its operation name and a few argument values. A cached operation now
// costs a hash and a lookup.

/** An argument's part of the input checks, in document order: a variable to check, or a string literal that failed. */
export type ArgumentCheck = { path: string; variable: string } | { path: string; error: GraphQLError };

export interface DocumentAnalysis {
  /** Undefined when the text does not parse: Apollo parses it again and answers the syntax error or the token limit in its usual form. */
  document: DocumentNode | undefined;
  /** The first number literal that is not a finite double, described for the client. */
  numberProblem: string | undefined;
  /** Every argument's strings and variables, as gateway/input-checks.ts checks them; literals that pass are left out. */
  argumentChecks: ArgumentCheck[];
  /** Whether a literal among `argumentChecks` failed: then every request with this document fails the input checks. */
  literalFails: boolean;
  /** The operation limits' measure by operation name, for the argument values it read. */
  measures: Map<string | undefined, { reads: ArgumentRead[]; byValues: Map<string, OperationMeasure> }>;
}

/** The operation text the policy admitted a request with and its analysis, handed to the input checks on the request's context. */
/** What the policy admitted at /graphql, with what the caller's rate limit has left (the RateLimit headers, gateway/policy.ts). */
export interface AdmittedOperation extends BudgetLeft {
  query: string;
  analysis: DocumentAnalysis;
}

/** Parses and walks done so far; tests count them per request. */
export interface DocumentWork {
  parses: number;
  walks: number;
  measures: number;
}

/** Distinct argument values (a `first`, the networks of a search) whose measures one operation keeps; more start over. */
const measuresPerOperation = 32;

export type DocumentAnalyses = ReturnType<typeof documentAnalyses>;

/** Analyses of documents by their text, cached in about `heapMb` of heap, an operation from its second request on (shared/operation-caches.ts). */
export function documentAnalyses(maxTokens: number, heapMb: number) {
  const store = analysisStore<DocumentAnalysis>(heapMb);
  const work: DocumentWork = { parses: 0, walks: 0, measures: 0 };

  const analyse = (query: string): DocumentAnalysis => {
    work.parses++;
    const document = parseOrUndefined(query, maxTokens);
    const analysis: DocumentAnalysis = { document, numberProblem: undefined, argumentChecks: [], literalFails: false, measures: new Map() };
    if (document) walk(document, analysis, work);
    return analysis;
  };

  return {
    work,

    /** The analysis of `query`: cached, or made now and offered to the cache. */
    async of(query: string): Promise<DocumentAnalysis> {
      // crypto.hash: a third of createHash's 6 µs for a 200-character operation, no Hash object per request.
      const key = hash('sha256', query);
      const cached = await store.get(key);
      if (cached) return cached;
      const analysis = analyse(query);
      await store.set(key, analysis);
      return analysis;
    },

    /** The analysis of a document Apollo parsed, when its text is not at hand; not cached. */
    ofDocument(document: DocumentNode): DocumentAnalysis {
      const analysis: DocumentAnalysis = { document, numberProblem: undefined, argumentChecks: [], literalFails: false, measures: new Map() };
      walk(document, analysis, work);
      return analysis;
    },

    /** The measure of `operation` for these variables: measured once per document, operation name and value of each argument the measure reads. */
    measure(
      analysis: DocumentAnalysis,
      operation: OperationDefinitionNode,
      operationName: string | undefined,
      variables: Record<string, unknown>,
      schema: GraphQLSchema,
      limits: OperationLimits,
    ): OperationMeasure {
      // The values the measure reads, its variables' defaults filled in as measureOperation fills them.
      const values = withVariableDefaults(operation, variables);
      const valuesOf = (reads: ArgumentRead[]) => JSON.stringify(reads.map((read) => argumentValue(read, values)));
      const known = analysis.measures.get(operationName);
      const kept = known?.byValues.get(valuesOf(known.reads));
      if (kept) return kept;
      work.measures++;
      const reads: ArgumentRead[] = [];
      const measure = measureOperation(schema, analysis.document!, operation, values, limits, reads);
      const entry = known ?? { reads, byValues: new Map() };
      if (!known) analysis.measures.set(operationName, entry);
      if (entry.byValues.size >= measuresPerOperation) entry.byValues.clear();
      entry.byValues.set(valuesOf(reads), measure);
      return measure;
    },

    /** Measures depend on the schema: the gateway forgets them when the supergraph changes. */
    clear(): void {
      store.clear();
    },
  };
}

/** One walk over the whole document for the number literals and the arguments' input checks. */
function walk(document: DocumentNode, analysis: DocumentAnalysis, work: DocumentWork): void {
  work.walks++;
  const checks = analysis.argumentChecks;
  const collect = (path: string, node: ValueNode): void => {
    if (node.kind === Kind.STRING) {
      try {
        checkText(path, node.value);
      } catch (error) {
        checks.push({ path, error: error as GraphQLError });
        analysis.literalFails = true;
      }
    } else if (node.kind === Kind.VARIABLE) checks.push({ path, variable: node.name.value });
    else if (node.kind === Kind.LIST) node.values.forEach((item, i) => collect(`${path}[${i}]`, item));
    else if (node.kind === Kind.OBJECT) for (const field of node.fields) collect(`${path}.${field.name.value}`, field.value);
  };
  visit(document, {
    FloatValue(node) {
      if (analysis.numberProblem !== undefined || Number.isFinite(Number(node.value))) return;
      const at = node.loc ? ` at line ${node.loc.startToken.line}, column ${node.loc.startToken.column}` : '';
      analysis.numberProblem = `The number ${node.value}${at} is out of range; a Float must be a finite number (at most about 1.8e308).`;
    },
    Argument(node) {
      collect(node.name.value, node.value);
    },
    VariableDefinition(node) {
      if (node.defaultValue) collect(`$${node.variable.name.value}`, node.defaultValue);
    },
  });
}

function parseOrUndefined(query: string, maxTokens: number): DocumentNode | undefined {
  try {
    return parse(query, { maxTokens });
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}
