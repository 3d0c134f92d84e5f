import { buildSchema, execute, type GraphQLResolveInfo, parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { selectsField } from '../shared/selection.ts';

// selectsField decides what a resolver reads (counts, facets, a member's lists), so it must see the
// selection as execution will: through fragments and aliases, without what @skip and @include drop.
const schema = buildSchema(`
  type Query { page: Page }
  type Page { totalCount: Int facets: Facets items: [String] }
  type Facets { certifications: [String] networks: [String] }
`);

/** What selectsField answers for each path inside `page`, for the document and variables given. */
function seen(document: string, variableValues: Record<string, unknown> = {}) {
  let answers: Record<string, boolean> = {};
  const rootValue = {
    page: (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
      answers = {
        totalCount: selectsField(info, 'totalCount'),
        certifications: selectsField(info, 'facets', 'certifications'),
        networks: selectsField(info, 'facets', 'networks'),
      };
      return {};
    },
  };
  const result = execute({ schema, document: parse(document), rootValue, variableValues });
  expect('errors' in result && result.errors).toBeFalsy();
  return answers;
}

describe('selectsField', () => {
  test('sees fields by name, through aliases, named and inline fragments', () => {
    expect(seen('{ page { items } }')).toEqual({ totalCount: false, certifications: false, networks: false });
    expect(seen('{ page { n: totalCount facets { c: certifications } } }')).toEqual({ totalCount: true, certifications: true, networks: false });
    expect(seen('{ page { ...P } } fragment P on Page { ... on Page { facets { networks } } }')).toEqual({
      totalCount: false,
      certifications: false,
      networks: true,
    });
  });

  test('leaves out what @skip and @include drop, with literals and variables, on fields and fragments', () => {
    const q = `query($a: Boolean!, $b: Boolean = false) {
      page { totalCount @include(if: $a) facets @skip(if: $b) { certifications @skip(if: $a) ...N @include(if: $b) } }
    } fragment N on Facets { networks }`;
    expect(seen(q, { a: true })).toEqual({ totalCount: true, certifications: false, networks: false });
    expect(seen(q, { a: false, b: false })).toEqual({ totalCount: false, certifications: true, networks: false });
    // The parent dropped drops what is below it.
    expect(seen(q, { a: false, b: true })).toEqual({ totalCount: false, certifications: false, networks: false });
    expect(seen('{ page { totalCount @skip(if: false) ... @include(if: false) { facets { networks } } } }')).toEqual({
      totalCount: true,
      certifications: false,
      networks: false,
    });
    // One of two selections of the field kept is enough.
    expect(seen('{ page { totalCount @skip(if: true) t: totalCount } }').totalCount).toBe(true);
  });
});
