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
} from 'graphql';
import { envInteger } from '../shared/config.ts';
import { operationLimitExceeded } from '../shared/errors.ts';

// Operation limits checked at the gateway before any subgraph is called, so a
// partner's query cannot make the graph do unbounded work.

export interface OperationLimits {
  depth: number;
  aliases: number;
  rootFields: number;
  /** Field selections after expanding fragments, duplicates included. */
  fields: number;
  directives: number;
  /** Lexical tokens of the document; enforced by the parser, so a huge document is never fully read. */
  tokens: number;
  /** Estimated work: every field costs 1, multiplied by the list sizes above it. */
  cost: number;
  /** Size assumed for a list whose size no `first` argument gives. */
  defaultListSize: number;
}

export const defaultLimits: OperationLimits = { depth: 10, aliases: 30, rootFields: 20, fields: 300, directives: 20, tokens: 2000, cost: 100_000, defaultListSize: 20 };

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

export function limitsFromEnv(): OperationLimits {
  const limits = { ...defaultLimits };
  for (const key of Object.keys(envNames) as (keyof OperationLimits)[]) limits[key] = envInteger(envNames[key], defaultLimits[key], 1);
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
    if (measure[key] > limits[key]) throw operationLimitExceeded(key, `${labels[key]} ${measure[key]} exceeds the limit of ${limits[key]} by ${measure[key] - limits[key]}`, measure[key], limits[key]);
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

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultListSize: number,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measure: OperationMeasure = { depth: 0, aliases: 0, rootFields: 0, fields: 0, directives: operation.directives?.length ?? 0, cost: 0 };

  const argumentValue = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    return undefined;
  };

  // A field with a `first` argument returns that many items and sizes the lists right below it (a connection's edges).
  const listSize = (field: GraphQLField<unknown, unknown> | undefined, args: readonly { name: { value: string }; value: ValueNode }[], sizedByParent: boolean) => {
    if (!field) return 1;
    const first = field.args.find((a) => a.name === 'first');
    if (first) {
      const given = argumentValue(args.find((a) => a.name.value === 'first')?.value);
      if (typeof given === 'number' && Number.isInteger(given) && given >= 0) return given;
      return typeof first.defaultValue === 'number' ? first.defaultValue : defaultListSize;
    }
    if (isCompositeList(field.type)) return sizedByParent ? 1 : defaultListSize;
    return 1;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, depth: number, sizedByParent: boolean): number => {
    let cost = 0;
    for (const selection of set.selections) {
      measure.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        measure.fields++;
        if (depth === 1) measure.rootFields++;
        if (selection.alias) measure.aliases++;
        // The ofType chain of introspection is bounded by the type's wrappers; counting it would forbid the standard introspection query.
        const nested = selection.name.value === 'ofType' ? depth : depth + 1;
        measure.depth = Math.max(measure.depth, depth);
        const field = fieldsOf(parent)?.[selection.name.value];
        let childCost = 0;
        if (selection.selectionSet) childCost = walk(selection.selectionSet, field ? namedType(field.type) : undefined, nested, field?.args.some((a) => a.name === 'first') ?? false);
        cost += 1 + listSize(field, selection.arguments ?? [], sizedByParent) * childCost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += walk(selection.selectionSet, type ?? undefined, depth, sizedByParent);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        measure.directives += fragment.directives?.length ?? 0;
        cost += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, depth, sizedByParent);
      }
    }
    return cost;
  };

  measure.cost = walk(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, 1, false);
  return measure;
}
