/** MikroORM expands JS arrays in raw SQL into lists, so arrays travel as PostgreSQL array literals. */
export function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
