/** MikroORM expands JS arrays in raw SQL into lists, so arrays travel as PostgreSQL array literals. */
export function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

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
