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

/** Apollo's own, taken before installResultShaping replaces it: for operations with an alias `__proto__`, and for the tests' comparison. */
export const apolloComputeResponse = resultShaping.computeResponse;

/** A field's value that was null where its type said non-null: the object holding it becomes null. */
const INVALID = Symbol('invalid');

/** Thrown on meeting an alias `__proto__`, which only Apollo's objects without a prototype can hold as a key. */
const protoAlias = Symbol('alias __proto__');

interface Conditions {
  selection: Selection;
  /** @skip and @include under this request's variables, decided where the step is first reached, as Apollo does (it throws there for a variable that is not a boolean). */
  skipped: boolean | undefined;
}

interface FieldStep extends Conditions {
  field: true;
  responseName: string;
  type: Type;
  selectionSet: SelectionSet | undefined;
  /** `__schema` or `__type`: answered by Apollo's introspection, as its computeResponse does. */
  introspection: FieldSelection | undefined;
  typename: boolean;
  /** A name Object.prototype has (`constructor`, `toString`): read from the output object only if its own. */
  inherited: boolean;
}

interface FragmentStep extends Conditions {
  field: false;
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
  /** Whether the condition applies, by the object's __typename. */
  applies: Map<string, boolean>;
}

type Step = FieldStep | FragmentStep;

export function computeResponse(args: Arguments): Shaped {
  const { operation, input } = args;
  if (!input) return { data: input, errors: [] };
  try {
    return new Shaper(operation, args).run(input);
  } catch (error) {
    // Setting `__proto__` on a plain object changes its prototype instead of adding a key.
    if (error === protoAlias) return apolloComputeResponse(args);
    throw error;
  }
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

  /** The steps of a selection set, worked out once per request: a page of 100 members goes through each 100 times. */
  private stepsOf(selectionSet: SelectionSet): Step[] {
    let steps = this.steps.get(selectionSet);
    if (steps) return steps;
    steps = selectionSet.selections().map((selection): Step => {
      if (selection.kind !== 'FieldSelection') {
        return {
          field: false,
          selection,
          skipped: undefined,
          typeCondition: selection.element.typeCondition,
          selectionSet: selection.selectionSet!,
          applies: new Map(),
        };
      }
      const field = selection.element;
      const responseName = field.responseName();
      if (responseName === '__proto__') throw protoAlias;
      return {
        field: true,
        selection,
        skipped: undefined,
        responseName,
        type: field.definition.type!,
        selectionSet: selection.selectionSet,
        introspection: field.definition.isSchemaIntrospectionField() ? selection : undefined,
        typename: field.name === federation.typenameFieldName,
        inherited: responseName in Object.prototype,
      };
    });
    this.steps.set(selectionSet, steps);
    return steps;
  }

  private skipped(step: Step): boolean {
    if (step.skipped !== undefined) return step.skipped;
    const element = step.selection.element;
    const skip = element.appliedDirectivesOf(this.schema.skipDirective())[0];
    const include = element.appliedDirectivesOf(this.schema.includeDirective())[0];
    step.skipped = (skip !== undefined && this.condition(skip)) || (include !== undefined && !this.condition(include));
    return step.skipped;
  }

  /** The `if` of a @skip or @include. */
  private condition(directive: { arguments(): { if: unknown }; toString(): string }): boolean {
    const value: unknown = directive.arguments().if;
    if (typeof value === 'boolean') return value;
    // Otherwise a variable. Not `instanceof Variable`: that holds only while @apollo/gateway shares our copy of federation-internals.
    const { name } = value as { name: string };
    const set = this.variables[name];
    if (typeof set !== 'boolean') throw new Error(`Unexpected value ${set} for variable ${value} of ${directive}`);
    return set;
  }

  /** Shapes `input` into `output` along the selection set; false when a non-null field was null, so the object is null. */
  private object(input: Record<string, unknown>, selectionSet: SelectionSet, output: Record<string, unknown>, parentType: CompositeType): boolean {
    for (const step of this.stepsOf(selectionSet)) {
      if (this.skipped(step)) continue;
      if (!step.field) {
        if (this.applies(step, input, parentType) && !this.object(input, step.selectionSet, output, step.typeCondition ?? parentType)) return false;
        continue;
      }
      const { responseName } = step;
      const outputValue = step.inherited ? (Object.hasOwn(output, responseName) ? output[responseName] : undefined) : output[responseName];
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
    const typename: unknown = input[federation.typenameFieldName];
    if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${typename}`);
    const condition = step.typeCondition;
    if (!condition) return true;
    if (typeof typename !== 'string' || typename === '') return federation.isSubtype(condition, parentType);
    let applies = step.applies.get(typename);
    if (applies === undefined) {
      const type = this.schema.type(typename);
      applies = type !== undefined && federation.isSubtype(condition, type);
      step.applies.set(typename, applies);
    }
    return applies;
  }

  /** The shaped value, INVALID for a null where the type says non-null; sets `hadErrors`. */
  private value(outputValue: unknown, type: Type, inputValue: unknown, selectionSet: SelectionSet | undefined, parentType: CompositeType): unknown {
    this.hadErrors = false;
    // JSON has no undefined; a hole in a list would be one.
    if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
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

  private list(outputValue: unknown, itemType: Type, inputValue: unknown, selectionSet: SelectionSet | undefined, parentType: CompositeType): unknown {
    if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type [${itemType}]`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      throw new Error(`Invalid non-list value ${outputValue} returned by subgraph for list type [${itemType}]`);
    const merged = outputValue as unknown[] | undefined;
    if (merged && merged.length !== inputValue.length)
      throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${merged}].length (${merged.length})`);
    const items = new Array<unknown>(inputValue.length);
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

  private composite(
    outputValue: unknown,
    type: CompositeType,
    inputValue: unknown,
    selectionSet: SelectionSet | undefined,
    parentType: CompositeType,
  ): unknown {
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
 * keeps @apollo/gateway's CommonJS modules and their exports objects). For the
 * whole process: every ApolloGateway in it shapes with this one from then on.
 */
export function installResultShaping() {
  resultShaping.computeResponse = computeResponse;
}
