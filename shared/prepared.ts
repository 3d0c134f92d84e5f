import { ReferenceKind, type EntityProperty, type EntitySchema, type MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import type { PoolMode } from './pg-connection.ts';
import { boundArray } from './sql.ts';

// MikroORM writes every parameter into the SQL text and sends it as a simple
// query, so PostgreSQL parses and plans each statement anew, and a list of ten
// ids is a different text from a list of eleven. The loads behind every entity
// fetch have one fixed shape each; they go to the driver as named prepared
// statements instead: each pooled connection parses and plans them once (see
// boundArray in shared/sql.ts), and from then on PostgreSQL only binds the
// array of keys. Measured on a 10,000-member table, a ten-id load cost
// PostgreSQL ~140 µs of CPU as an inlined query and ~90 µs prepared. Behind
// PgBouncer in transaction mode the same text goes as an unnamed statement
// (parsed and planned per call, the parameters still bound), since a name
// lives in one server session.
//
// The rows become plain objects with the entity's property names and values
// (rowReader), not managed entities: what these loads feed is only read, by
// the GraphQL answer, and their type is Readonly. em.map, which also
// registers each entity with the request's unit of work and identity map,
// made a load of ten members with their services cost the service 0.72-1.07
// ms of CPU instead of 0.17-0.22 (bench/README, "Entity fetches read plain
// objects"); a write loads what it changes through its EntityManager, never
// through these.

/** Reads the rows of `keys`, in the load's order, as plain objects of the entity's properties. */
export type KeyedLoad<T> = (keys: readonly number[]) => Promise<Readonly<T>[]>;

/**
 * A statement of one fixed text, run with `values` as a named prepared statement (unnamed behind PgBouncer in
 * transaction mode, see above); each call goes through MikroORM's logger, so it is counted like every other.
 */
export async function preparedQuery<R>(
  orm: MikroORM,
  name: string,
  text: string,
  poolMode: PoolMode = 'session',
): Promise<(values: unknown[]) => Promise<R[]>> {
  const pool: Pool = await orm.em.getConnection().getNativeClient();
  const logger = orm.config.getLogger();
  const statementName = poolMode === 'session' ? name : undefined;
  return async (values) => {
    const started = performance.now();
    const result = await pool.query({ name: statementName, text, values });
    // Through MikroORM's logger, so the statement is counted (shared/orm.ts) and shown under SQL_DEBUG=1 like all others.
    logger.logQuery({ query: text, params: values, took: Math.round(performance.now() - started), results: result.rowCount ?? 0, level: 'info' });
    return result.rows as R[];
  };
}

/** The table, the persisted properties and their columns (quoted) of an entity, as a load selects them. */
function tableOf<T extends object>(orm: MikroORM, schema: EntitySchema<T>) {
  const meta = orm.getMetadata().get(schema);
  const props = meta.props.filter((p) => (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE) && p.persist !== false);
  const columns = props.flatMap((p) => p.fieldNames.map((f) => `"${f}"`)).join(', ');
  return { meta, props, table: meta.tableName, columns, read: rowReader<T>(orm, props) };
}

/**
 * A row of the load (or of a JSON list) as em.map would give its properties, unmanaged: columns under their
 * properties' names, a timestamp parsed by MikroORM's platform as it parses one, a custom type's value converted
 * by its type, and a many-to-one as `{ id }`, which is all a read of it uses. Not frozen: @apollo/subgraph
 * defines `__typename` on what an entity's reference resolver returns. test/prepared-reads.e2e.ts compares every
 * property with em.find's.
 */
function rowReader<T>(orm: MikroORM, props: EntityProperty[]) {
  const platform = orm.em.getPlatform();
  const fields = props.map((p) => {
    const convert =
      p.kind === ReferenceKind.MANY_TO_ONE
        ? (value: unknown) => ({ id: value })
        : p.customType
          ? (value: unknown) => p.customType!.convertToJSValue(value, platform)
          : p.runtimeType === 'Date'
            ? (value: unknown) => platform.parseDate(value as string)
            : null;
    return { name: p.name, column: p.fieldNames[0], convert };
  });
  return (row: Record<string, unknown>): Readonly<T> => {
    const read: Record<string, unknown> = {};
    for (const { name, column, convert } of fields) {
      const value = row[column];
      read[name] = convert && value !== null && value !== undefined ? convert(value) : value;
    }
    return read as Readonly<T>;
  };
}

/**
 * Column types whose JSON form is what the driver hands over for a row: numbers a double holds, text, text arrays,
 * booleans, and dates, which both leave as 'YYYY-MM-DD'. A bigint or numeric (a string from the driver, a number in
 * JSON), bytea or timestamp would map differently, so a list holding one is refused when the load is prepared.
 */
const jsonSafeColumn = /^(int(eger)?|smallint|serial|varchar(\(\d+\))?|character varying(\(\d+\))?|text(\[\])?|boolean|date)$/;

/** The list's table and columns, when every column comes through JSON as it would as a row. */
function listTableOf<T extends object>(orm: MikroORM, schema: EntitySchema<T>) {
  const list = tableOf(orm, schema);
  for (const p of list.props) {
    const type = p.kind === ReferenceKind.MANY_TO_ONE ? 'integer' : (p.columnTypes?.[0] ?? '').toLowerCase();
    if (!jsonSafeColumn.test(type))
      throw new Error(`${list.meta.className}.${p.name} (${type}) cannot come along as JSON; load ${list.meta.className} by itself.`);
  }
  return list;
}

/** The keys of a load, one array parameter, read as boundArray says why. */
const boundKeys = boundArray('$1', 'int');

/** Loads the rows of `schema` whose `column` is one of the keys, in `orderBy` order, as one prepared statement. */
export async function preparedLoad<T extends object>(
  orm: MikroORM,
  schema: EntitySchema<T>,
  column: string,
  orderBy: string,
  poolMode: PoolMode = 'session',
): Promise<KeyedLoad<T>> {
  const { table, columns, read } = tableOf<T>(orm, schema);
  const text = `select ${columns} from "${table}" where "${column}" = any(${boundKeys}) order by ${orderBy}`;
  // One name per text: a connection that has prepared a name refuses a different text under it.
  const load = await preparedQuery<Record<string, unknown>>(orm, `irm_${table}_by_${column}`, text, poolMode);
  return async (keys) => (await load([keys])).map(read);
}

/**
 * A list that a parent's load brings along: the rows of `schema` whose `column` holds the parent's id, in `orderBy`
 * order (column names, separated by commas).
 */
export interface Included {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: each list is of its own entity type, which the loader reading it knows
  schema: EntitySchema<any>;
  column: string;
  orderBy: string;
}

/** The column of a list in the statement of preparedLoadWith: a name no entity's column has. */
const listColumn = (name: string) => `list:${name}`;

/** A parent and the lists of each `Included`, by name, read as loads of their own would read them. */
export type WithIncluded<T> = { entity: Readonly<T>; included: Record<string, object[]> };

/**
 * Loads the parents whose id is one of the keys together with the lists `included` names, in one prepared statement:
 * each list comes as a JSON array per parent row (a correlated subquery on the list's member index), read as a
 * load of its own would read it. The network's part of a profile read through the gateway was three statements in two round trips (the
 * member, then its services and certificates); it is one.
 */
export async function preparedLoadWith<T extends object>(
  orm: MikroORM,
  schema: EntitySchema<T>,
  included: Included[],
  poolMode: PoolMode = 'session',
): Promise<KeyedLoad<WithIncluded<T>>> {
  const parent = tableOf<T>(orm, schema);
  const lists = included.map(({ name, schema: child, column, orderBy }) => {
    const { table, columns, read } = listTableOf(orm, child);
    const order = orderBy
      .split(',')
      .map((term) => `c.${term.trim()}`)
      .join(', ');
    // t. so that a column the list lacks is an error, not the parent's column of that name.
    const sql = `(select coalesce(json_agg(c order by ${order}), '[]'::json) from (select ${columns} from "${table}" t where t."${column}" = p.id) c) as "${listColumn(name)}"`;
    return { name, sql, read };
  });
  const text = `select p.*, ${lists.map((l) => l.sql).join(', ')} from (select ${parent.columns} from "${parent.table}" where "id" = any(${boundKeys})) p order by p.id`;
  const name = `irm_${parent.table}_with_${included.map((i) => i.name).join('_')}`;
  const load = await preparedQuery<Record<string, unknown>>(orm, name, text, poolMode);
  return async (keys) =>
    (await load([keys])).map((row) => {
      const included: Record<string, object[]> = {};
      for (const list of lists) included[list.name] = (row[listColumn(list.name)] as Record<string, unknown>[]).map(list.read);
      return { entity: parent.read(row), included };
    });
}
