/** MikroORM expands JS arrays in raw SQL into lists, so arrays travel as PostgreSQL array literals. */
export function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** A string as an SQL literal, for text that cannot take parameters (a function's body); standard_conforming_strings is on since PostgreSQL 9.1. */
export const textLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** A piece of SQL with its `?` parameters in order; pieces nest, so the parameters can never drift from their places. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

/** SQL text without parameters. */
export function raw(text: string): Fragment {
  return { sql: text, params: [] };
}

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && 'sql' in value && 'params' in value;
}

/** sql`a = ${value} and ${otherFragment}`: values become parameters, fragments are spliced in. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[i + 1];
  });
  return { sql: text, params };
}

export function joinSql(fragments: Fragment[], separator: string): Fragment {
  return { sql: fragments.map((f) => f.sql).join(separator), params: fragments.flatMap((f) => f.params) };
}

/** A fragment's `?` parameters as pg's `$1, $2, …`, for running it on a plain pg client (the benchmark, tests). */
export function positional(text: string): string {
  let index = 0;
  return text.replace(/\?/g, () => `$${++index}`);
}

/**
 * An array parameter as a prepared statement reads it: a sub-select, so that no plan sees the array. PostgreSQL
 * plans a prepared statement for its parameters five times, then keeps one generic plan if that costs no more than
 * theirs did on average. Seeing a bare `$1`, a plan for one key or three looked cheaper than the generic plan's
 * guess of ten elements, so the generic plan did not win, or only after a run of larger calls, and such calls were
 * planned every time (pg_stat_statements, 60 calls: a member with two lists 60 plans for one key and for three, 36
 * for 33 keys; the close-spellings lookup 60 for one, two or three words). Planning was 0.16-0.23 ms of the member
 * with lists against 0.05-0.45 ms of running it for 1-34 keys at 10,000 members; through the sub-select the generic
 * plan runs as fast (EXPLAIN ANALYZE, 1 to 1,000 keys), as it is the same plan: the index, probed per key. Behind
 * PgBouncer in transaction mode the statement goes unnamed and is planned on every call either way, for ten keys.
 */
export const boundArray = (parameter: string, type: 'int' | 'text') => `(select ${parameter}::${type}[])::${type}[]`;
