import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import type { EnvReader } from '../shared/config.ts';
import { networks } from '../shared/networks.ts';
import { fanOut, listSizes, textSizes, unknownCoordinates } from './field-costs.ts';
import { operationLimitExceeded } from '../shared/errors.ts';

// Operation limits checked at the gateway on the parsed document, before it is
// validated and before any subgraph is called, so a caller's query cannot make
// the graph do unbounded work.

export interface OperationLimits {
  depth: number;
  aliases: number;
  rootFields: number;
  /** Field selections after expanding fragments, duplicates included. */
  fields: number;
  directives: number;
  /** Lexical tokens of the document; enforced by the parser, so a huge document is never fully read. */
  tokens: number;
  /** Estimated work: every field costs 1, a long text by its size, a fan-out field also per network and row it reads (field-costs.ts), multiplied by the list sizes above it. */
  cost: number;
  /** Size assumed for a list whose size neither a `first` argument nor field-costs.ts gives. */
  defaultListSize: number;
}

export const defaultLimits: OperationLimits = {
  depth: 10,
  aliases: 30,
  rootFields: 20,
  fields: 300,
  directives: 20,
  tokens: 2000,
  cost: 100_000,
  defaultListSize: 20,
};

const envNames: Record<keyof OperationLimits, string> = {
  depth: 'MAX_QUERY_DEPTH',
  aliases: 'MAX_QUERY_ALIASES',
  rootFields: 'MAX_QUERY_ROOT_FIELDS',
  fields: 'MAX_QUERY_FIELDS',
  directives: 'MAX_QUERY_DIRECTIVES',
  tokens: 'MAX_QUERY_TOKENS',
  cost: 'MAX_QUERY_COST',
  defaultListSize: 'DEFAULT_LIST_SIZE',
};

export function limitsFromEnv(read: EnvReader): OperationLimits {
  const limits = { ...defaultLimits };
  for (const key of Object.keys(envNames) as (keyof OperationLimits)[]) limits[key] = read.integer(envNames[key], defaultLimits[key], 1);
  return limits;
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  rootFields: number;
  fields: number;
  directives: number;
  cost: number;
}

const labels: Record<keyof OperationMeasure, string> = {
  depth: 'Query depth',
  aliases: 'Number of aliases',
  rootFields: 'Number of root fields',
  fields: 'Number of selected fields',
  directives: 'Number of directives',
  cost: 'Estimated query cost',
};

/** Throws OPERATION_LIMIT_EXCEEDED for the first limit the operation exceeds. */
export function enforceLimits(measure: OperationMeasure, limits: OperationLimits): void {
  for (const key of Object.keys(labels) as (keyof OperationMeasure)[]) {
    if (measure[key] > limits[key])
      throw operationLimitExceeded(
        key,
        `${labels[key]} ${measure[key]} exceeds the limit of ${limits[key]} by ${measure[key] - limits[key]}`,
        measure[key],
        limits[key],
      );
  }
}

/** The message graphql-js's parser gives when `maxTokens` stops it, rewritten into the same form as the other limits (graphql 16 spells it "more that"). */
export function tokenLimitError(message: string): ReturnType<typeof operationLimitExceeded> | undefined {
  const match = /Document contains more tha[nt] (\d+) tokens/.exec(message);
  if (!match) return undefined;
  const max = Number(match[1]);
  return operationLimitExceeded('tokens', `The document has more than ${max} tokens, the limit; send a shorter query`, undefined, max);
}

// The gateway's schema comes from the CommonJS build of graphql-js, so its
// instanceof-based predicates (isListType, ...) would not recognise these types;
// they are read structurally instead.
function namedType(type: GraphQLType): GraphQLNamedType {
  let current: GraphQLType = type;
  while ('ofType' in current) current = current.ofType;
  return current;
}

function fieldsOf(type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return type && 'getFields' in type && !('parseValue' in type) ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : undefined;
}

/** A list of objects, interfaces or unions, e.g. [Member!]! */
function isCompositeList(type: GraphQLType): boolean {
  const named = namedType(type);
  return String(type).replace(/!$/, '').startsWith('[') && ('getFields' in named || 'getTypes' in named) && !('parseValue' in named);
}

/** A field-cost table's entry for a field of `parent`, by the type's own name or one of its interfaces'. */
function entryFor<T>(table: Readonly<Record<string, T>>, parent: GraphQLNamedType | undefined, field: string): T | undefined {
  if (!parent) return undefined;
  const interfaces = 'getInterfaces' in parent ? parent.getInterfaces() : [];
  for (const type of [parent, ...interfaces]) {
    const entry = table[`${type.name}.${field}`];
    if (entry !== undefined) return entry;
  }
  return undefined;
}

/** Throws at start-up when a field-cost table names a field the supergraph does not have. */
export function checkFieldCosts(schema: GraphQLSchema): void {
  const unknown = unknownCoordinates((type, field) => Boolean(fieldsOf(schema.getType(type) ?? undefined)?.[field]));
  if (unknown.length) throw new Error(`gateway/field-costs.ts names fields the supergraph does not have: ${unknown.join(', ')}; update the tables.`);
}

type Arguments = readonly { name: { value: string }; value: ValueNode }[];

/** An argument value a measurement read: the argument's value in the document (none when absent) and the path into it. */
export interface ArgumentRead {
  node: ValueNode | undefined;
  path: readonly string[];
}

/** The value at `read.path` in the argument, its variables taken from `variables`. */
export function argumentValue(read: ArgumentRead, variables: Record<string, unknown>): unknown {
  let value: unknown = read.node ? valueFromASTUntyped(read.node, variables) : undefined;
  for (const key of read.path.slice(1)) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * The variables as the operation will run with them: a variable the request leaves out takes its default from
 * the operation (`query($n: Int = 100)`). Measured without it, `first: $n` cost the field's own default of 20.
 */
export function withVariableDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const defaults = operation.variableDefinitions?.filter((d) => d.defaultValue && variables[d.variable.name.value] === undefined);
  if (!defaults?.length) return variables;
  const values = { ...variables };
  for (const d of defaults) values[d.variable.name.value] = valueFromASTUntyped(d.defaultValue!, {});
  return values;
}

/**
 * Measures an operation of a parsed document that has not been validated yet,
 * so the limits are checked before validation does work proportional to the
 * document: unknown fields and fragments count 1 and nothing below them, and a
 * fragment spread inside itself is not followed. Every argument value it reads
 * is appended to `reads`, in order: the walk reads the same arguments whatever
 * their values, so the measure depends on the document and these values only.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: OperationLimits,
  reads: ArgumentRead[] = [],
): OperationMeasure {
  variables = withVariableDefaults(operation, variables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measure: OperationMeasure = { depth: 0, aliases: 0, rootFields: 0, fields: 0, directives: operation.directives?.length ?? 0, cost: 0 };
  // Fragments spread inside each other multiply; past this many fields (more than a document of
  // `tokens` tokens holds without fragments) the count is over the limit whatever follows.
  const stopAt = limits.fields + limits.tokens;

  const argument = (args: Arguments, path: readonly string[]): unknown => {
    const read = { node: args.find((a) => a.name.value === path[0])?.value, path };
    reads.push(read);
    return argumentValue(read, variables);
  };

  // A field with a `first` argument returns that many items and sizes the lists right below it (a connection's edges).
  const listSize = (parent: GraphQLNamedType | undefined, field: GraphQLField<unknown, unknown> | undefined, args: Arguments, sizedByParent: boolean) => {
    if (!field) return 1;
    const first = field.args.find((a) => a.name === 'first');
    if (first) {
      const given = argument(args, ['first']);
      if (typeof given === 'number' && Number.isInteger(given) && given >= 0) return given;
      return typeof first.defaultValue === 'number' ? first.defaultValue : limits.defaultListSize;
    }
    if (!isCompositeList(field.type)) return 1;
    return entryFor(listSizes, parent, field.name) ?? (sizedByParent ? 1 : limits.defaultListSize);
  };

  const fanOutCost = (parent: GraphQLNamedType | undefined, name: string, args: Arguments) => {
    const entry = entryFor(fanOut, parent, name);
    if (!entry) return 0;
    if (entry.everyNetwork) return networks.length * entry.rowsPerNetwork;
    const named = entry.networksArgument ? argument(args, entry.networksArgument) : [undefined];
    const asked = Array.isArray(named) && named.length > 0 ? Math.min(new Set(named).size, networks.length) : networks.length;
    return asked * entry.rowsPerNetwork;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, depth: number, sizedByParent: boolean, spread: ReadonlySet<string>): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (measure.fields > stopAt) break;
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        measure.fields++;
        if (depth === 1) measure.rootFields++;
        if (selection.alias) measure.aliases++;
        // The ofType chain of introspection is bounded by the type's wrappers; counting it would forbid the standard introspection query.
        const nested = selection.name.value === 'ofType' ? depth : depth + 1;
        measure.depth = Math.max(measure.depth, depth);
        const field = fieldsOf(parent)?.[selection.name.value];
        const args = selection.arguments ?? [];
        let childCost = 0;
        if (selection.selectionSet)
          childCost = walk(
            selection.selectionSet,
            field ? namedType(field.type) : undefined,
            nested,
            field?.args.some((a) => a.name === 'first') ?? false,
            spread,
          );
        const own = 1 + (entryFor(textSizes, parent, selection.name.value) ?? 0);
        cost += own + fanOutCost(parent, selection.name.value, args) + listSize(parent, field, args, sizedByParent) * childCost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += walk(selection.selectionSet, type ?? undefined, depth, sizedByParent, spread);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spread.has(name)) continue;
        measure.directives += fragment.directives?.length ?? 0;
        cost += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, depth, sizedByParent, new Set([...spread, name]));
      }
    }
    return cost;
  };

  measure.cost = walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, 1, false, new Set());
  return measure;
}
