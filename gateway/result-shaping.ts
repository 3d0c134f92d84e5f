import federation from '@apollo/federation-internals';
import type { CompositeType, EnumType, FieldSelection, Operation, ScalarType, Schema, Selection, SelectionSet, Type } from '@apollo/federation-internals';
import resultShaping from '@apollo/gateway/dist/resultShaping.js';
import type { GraphQLError } from 'graphql';

// The last step of every gateway request: the merged subgraph answers become
// the answer the client asked for (its fields in its order, under its
// aliases, without the keys the plan fetched for itself, a null for a
// missing non-null value bubbled up to the nearest nullable field).
// Apollo's computeResponse does it with an object of flags for every value,
// closures for its assertions, @skip/@include looked up again on every object
// and every output object made by Object.create(null), which V8 keeps as a
// hash table. For Q2.100 (100 members with services, processes and
// certifications) that allocated about 2.1 MB a request, 73 % of all the
// gateway allocated (sampling heap profile at concurrency 1), with the garbage
// collector a third of the gateway's CPU; and JSON.stringify takes its slow
// path for hash-table objects. This one follows the same rules, works out
// each selection set's steps once per request, and builds plain objects. Its
// tests run both on the same inputs and compare (test/result-shaping.test.ts).

type Shaped = ReturnType<typeof resultShaping.computeResponse>;
type Arguments = Parameters<typeof resultShaping.computeResponse>[0];

/** Apollo's own, taken before installResultShaping replaces it: for the case below that it handles alone, and for the tests' comparison. */
export const apolloComputeResponse = resultShaping.computeResponse;

/** A field's value that was null where its type said non-null: the object holding it becomes null. */
const INVALID = Symbol('invalid');
type Value = unknown;

interface FieldStep {
  field: true;
  responseName: string;
  type: Type;
  selectionSet: SelectionSet | undefined;
  /** `__schema` or `__type`: answered by Apollo's introspection, as its computeResponse does. */
  introspection: FieldSelection | undefined;
  typename: boolean;
}

interface FragmentStep {
  field: false;
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
  /** Whether the condition applies, by the object's __typename. */
  applies: Map<string, boolean>;
}

type Step = FieldStep | FragmentStep;

/** Apollo's output objects have no prototype; an alias `__proto__` would change a plain object's instead of adding a key. */
function usesProtoAlias(selectionSet: SelectionSet): boolean {
  return selectionSet
    .selections()
    .some((s) => (s.kind === 'FieldSelection' && s.element.responseName() === '__proto__') || (s.selectionSet !== undefined && usesProtoAlias(s.selectionSet)));
}

export function computeResponse(args: Arguments): Shaped {
  const { operation, input } = args;
  if (!input) return { data: input, errors: [] };
  if (usesProtoAlias(operation.selectionSet)) return apolloComputeResponse(args);
  return new Shaper(operation, args).run(input);
}

class Shaper {
  private readonly operation: Operation;
  private readonly args: Arguments;
  private readonly schema: Schema;
  private readonly variables: Record<string, unknown>;
  private readonly steps = new Map<SelectionSet, Step[]>();
  private readonly errors: GraphQLError[] = [];
  private readonly path: (string | number)[] = [];
  /** Whether the value last shaped reported an error of its own (Apollo's `hasErrors`): set by every `value` call before it returns. */
  private hadErrors = false;

  constructor(operation: Operation, args: Arguments) {
    this.operation = operation;
    this.args = args;
    this.schema = operation.schema();
    this.variables = { __proto__: null, ...operation.collectDefaultedVariableValues(), ...args.variables };
  }

  run(input: Record<string, unknown>): Shaped {
    const data: Record<string, unknown> = {};
    const root = this.schema.schemaDefinition.rootType(this.operation.rootKind)!;
    const complete = this.object(input, this.operation.selectionSet, data, root);
    return { data: complete ? data : null, errors: this.errors };
  }

  /** The steps of a selection set under this request's variables: @skip and @include decided once, not per object. */
  private stepsOf(selectionSet: SelectionSet): Step[] {
    let steps = this.steps.get(selectionSet);
    if (steps) return steps;
    steps = [];
    for (const selection of selectionSet.selections()) {
      if (this.skipped(selection)) continue;
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        steps.push({
          field: true,
          responseName: field.responseName(),
          type: field.definition.type!,
          selectionSet: selection.selectionSet,
          introspection: field.definition.isSchemaIntrospectionField() ? selection : undefined,
          typename: field.name === federation.typenameFieldName,
        });
      } else {
        steps.push({ field: false, typeCondition: selection.element.typeCondition, selectionSet: selection.selectionSet, applies: new Map() });
      }
    }
    this.steps.set(selectionSet, steps);
    return steps;
  }

  private skipped(selection: Selection): boolean {
    const element = selection.element;
    const skip = element.appliedDirectivesOf(this.schema.skipDirective())[0];
    const include = element.appliedDirectivesOf(this.schema.includeDirective())[0];
    return (skip !== undefined && this.condition(skip.arguments().if)) || (include !== undefined && !this.condition(include.arguments().if));
  }

  private condition(value: unknown): boolean {
    if (!(value instanceof federation.Variable)) return value as boolean;
    const set = this.variables[value.name];
    if (typeof set !== 'boolean') throw new Error(`Unexpected value ${set} for variable ${value} of @skip or @include`);
    return set;
  }

  /** Shapes `input` into `output` along the selection set; false when a non-null field was null, so the object is null. */
  private object(input: Record<string, unknown>, selectionSet: SelectionSet, output: Record<string, unknown>, parentType: CompositeType): boolean {
    for (const step of this.stepsOf(selectionSet)) {
      if (!step.field) {
        if (this.applies(step, input, parentType) && !this.object(input, step.selectionSet, output, step.typeCondition ?? parentType)) return false;
        continue;
      }
      const { responseName } = step;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = this.args.introspectionHandling(step.introspection);
        continue;
      }
      let inputValue = Object.hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
      if (step.typename) {
        if (outputValue !== undefined) continue;
        // An aliased __typename reads the object's own __typename when the plan did not fetch it under the alias.
        if (inputValue === null && responseName !== federation.typenameFieldName) inputValue = input[federation.typenameFieldName] ?? null;
        const type = (typeof inputValue === 'string' ? this.schema.type(inputValue) : undefined) ?? parentType;
        if (!federation.isObjectType(type)) return false;
        output[responseName] = type.name;
        continue;
      }
      this.path.push(responseName);
      const value = this.value(outputValue, step.type, inputValue, step.selectionSet, parentType);
      this.path.pop();
      if (value === INVALID) {
        output[responseName] = null;
        return false;
      }
      output[responseName] = value;
    }
    return true;
  }

  private applies(step: FragmentStep, input: Record<string, unknown>, parentType: CompositeType): boolean {
    const typename = input[federation.typenameFieldName];
    if (typename !== undefined && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${typename}`);
    const condition = step.typeCondition;
    if (!condition) return true;
    if (!typename) return federation.isSubtype(condition, parentType);
    let applies = step.applies.get(typename);
    if (applies === undefined) {
      const type = this.schema.type(typename);
      applies = type !== undefined && federation.isSubtype(condition, type);
      step.applies.set(typename, applies);
    }
    return applies;
  }

  /** The shaped value, INVALID for a null where the type says non-null; sets `hadErrors`. */
  private value(outputValue: Value, type: Type, inputValue: Value, selectionSet: SelectionSet | undefined, parentType: CompositeType): Value {
    this.hadErrors = false;
    if (outputValue === null || (outputValue !== undefined && !selectionSet)) return outputValue;
    if (type.kind === 'NonNullType') {
      const inner = this.value(outputValue, type.ofType, inputValue, selectionSet, parentType);
      if (inner !== null) {
        this.hadErrors = false;
        return inner;
      }
      if (!this.hadErrors) this.error(`Cannot return null for non-nullable ${this.describe(type.ofType, parentType)}.`);
      this.hadErrors = true;
      return INVALID;
    }
    if (inputValue === null) return null;
    if (type.kind === 'ListType') return this.list(outputValue, type.ofType, inputValue, selectionSet, parentType);
    if (federation.isCompositeType(type)) return this.composite(outputValue, type, inputValue, selectionSet, parentType);
    if (outputValue !== undefined) throw new Error(`Expected output to be undefined but got ${type} for type ${type}`);
    if (federation.isValidLeafValue(this.schema, inputValue, type as EnumType | ScalarType)) return inputValue;
    this.error(`Invalid value found for ${this.describe(type, parentType)}.`);
    this.hadErrors = true;
    return null;
  }

  private list(outputValue: Value, itemType: Type, inputValue: Value, selectionSet: SelectionSet | undefined, parentType: CompositeType): Value {
    if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type [${itemType}]`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      throw new Error(`Invalid non-list value ${outputValue} returned by subgraph for list type [${itemType}]`);
    const merged = outputValue as Value[] | undefined;
    if (merged && merged.length !== inputValue.length)
      throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${merged}].length (${merged.length})`);
    const items = new Array<Value>(inputValue.length);
    let invalid = false;
    let errors = false;
    for (let i = 0; i < inputValue.length; i++) {
      this.path.push(i);
      const item = this.value(merged?.[i], itemType, inputValue[i], selectionSet, parentType);
      this.path.pop();
      errors ||= this.hadErrors;
      if (item === INVALID) {
        invalid = true;
        items[i] = null;
      } else items[i] = item;
    }
    this.hadErrors = errors;
    return invalid ? null : items;
  }

  private composite(outputValue: Value, type: CompositeType, inputValue: Value, selectionSet: SelectionSet | undefined, parentType: CompositeType): Value {
    if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${type}`);
    if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    if (outputValue !== undefined && typeof outputValue !== 'object')
      throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    const input = inputValue as Record<string, unknown>;
    const typename = input[federation.typenameFieldName];
    if (typename !== undefined && typeof typename !== 'string') throw new Error(`Invalid non-string value ${typename} for __typename at ${this.path}`);
    let objectType = type;
    if (typename) {
      const named = this.schema.type(typename);
      if (!named || !federation.isCompositeType(named)) {
        this.error(`Invalid __typename found for object at ${this.describe(type, parentType)}.`);
        this.hadErrors = true;
        return null;
      }
      objectType = named;
    }
    const output = (outputValue as Record<string, unknown> | undefined) ?? {};
    const complete = this.object(input, selectionSet, output, objectType);
    this.hadErrors = !complete;
    return complete ? output : null;
  }

  /** What the last step of the path is, for an error's message: a field of the parent type or an item of a list. */
  private describe(type: Type, parentType: CompositeType): string {
    const last = this.path[this.path.length - 1];
    return typeof last === 'string' ? `field ${parentType}.${last}` : `array element of type ${type} at index ${last}`;
  }

  private error(message: string) {
    this.errors.push(federation.ERRORS.INVALID_GRAPHQL.err(message, { path: [...this.path] }));
  }
}

/**
 * The gateway's query plan executor calls the module's export at each request
 * (`resultShaping_1.computeResponse(...)`), so replacing the export replaces
 * the step, in the .ts sources and in `npm start`'s bundle alike (the bundle
 * keeps @apollo/gateway's CommonJS modules and their exports objects).
 */
export function installResultShaping() {
  resultShaping.computeResponse = computeResponse;
}
