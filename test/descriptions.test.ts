import { readFileSync } from 'node:fs';
import federation from '@apollo/federation-internals';
import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isNonNullType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, test } from 'vitest';
import { supergraphPath } from '../gateway/supergraph.ts';

// GraphiQL shows the schema's descriptions to front-end developers (issue 17): every
// element a client can see carries one. Checked on the API schema of the committed
// supergraph, which is what the gateway serves, so SDL written in TypeScript (the
// NetworkCode enum, the per-network member types) counts as much as the .graphql files.

/** Coordinates (Type, Type.field, Type.field(arg:), Enum.VALUE, @directive(arg:)) of every element without a description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(`@${directive.name}`, directive.description);
    for (const arg of directive.args) check(`@${directive.name}(${arg.name}:)`, arg.description);
  }
  return missing;
}

/** The supergraph's API schema (what the gateway serves), printed and read back: federation's graphql is CommonJS, this file's ESM. */
function apiSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(federation.printSchema(federation.Supergraph.build(supergraphSdl).apiSchema()));
}

describe('schema descriptions', () => {
  test('every type, field, argument, enum value and input field clients see has a description', () => {
    expect(undescribed(apiSchema(readFileSync(supergraphPath, 'utf8')))).toEqual([]);
  });

  test('each kind of element without a description is named by its coordinate', () => {
    const schema = buildSchema(`
      "Root." type Query { "Described." pick(which: Kind, "Described." limit: Int): Item }
      interface Item { id: ID! }
      enum Kind { "Described." A B }
      input Filter { "Described." text: String near: String }
      scalar Date
      directive @cost("Described." weight: Int) on FIELD_DEFINITION
    `);
    expect(undescribed(schema)).toEqual(['Query.pick(which:)', 'Item', 'Item.id', 'Kind', 'Kind.B', 'Filter', 'Filter.near', 'Date', '@cost']);
  });
});

describe('mutations', () => {
  // README "Errors": query fields that need sign-in are nullable, a mutation's result stays non-null, so an
  // anonymous or refused write answers data: null with the error at its path. The trade fair's five were
  // nullable, and code generators gave their results a type of their own.
  test("every mutation's result is non-null", () => {
    const mutation = apiSchema(readFileSync(supergraphPath, 'utf8')).getMutationType()!;
    expect(
      Object.values(mutation.getFields())
        .filter((field) => !isNonNullType(field.type))
        .map((field) => field.name),
    ).toEqual([]);
  });
});
