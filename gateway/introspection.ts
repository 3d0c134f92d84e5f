import introspection from '@apollo/federation-internals/dist/introspection.js';
import type { Schema } from '@apollo/federation-internals';

// graphql 16.11 gives __Type an `isOneOf` field (the @oneOf input objects), and validation against the gateway's
// schema accepts it; @apollo/federation-internals 2.14.4 builds its own copy of the introspection types without it, so
// the query planner threw `Cannot query field "isOneOf" on type "__Type"` and every introspection query of
// getIntrospectionQuery({ oneOf: true }) (what newer codegen tools and IDEs send) answered HTTP 500. With the field
// in that copy too, the planner hands the selection to graphql-js, which answers it (false for our input types, none
// of which is @oneOf; null for other kinds).

const apolloAddIntrospectionFields = introspection.addIntrospectionFields;

function addIntrospectionFields(schema: Schema): void {
  apolloAddIntrospectionFields(schema);
  const type = schema.type('__Type');
  if (type?.kind === 'ObjectType' && !type.field('isOneOf')) type.addField('isOneOf', schema.booleanType());
}

/** Once per process, before a gateway builds its schema; a second call changes nothing. */
export function installIntrospectionFields(): void {
  introspection.addIntrospectionFields = addIntrospectionFields;
}
