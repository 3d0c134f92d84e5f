import type pg from 'pg';
import { ConfigError } from './config.ts';

// The search folds text in SQL (irm_fold: lower(), then ä -> a, ue -> u …), so what the database's
// locale does to lower() is part of the search. In a database made in the C locale lower('MÜLLER') is
// 'mÜller', the Ü then counts as a word break, and "müller" no longer finds "Mueller Formenbau"; under
// SQL_ASCII the same, byte by byte. Nothing fails there, the search is just wrong, so a service refuses
// such a database at start. Measured on the embedded PostgreSQL 18 (test/database-locale.e2e.ts): LC_CTYPE
// decides (C.UTF-8 folds; C does not, and POSIX is stored as C); LC_COLLATE only orders and may stay C; the
// builtin provider's C.UTF-8 folds even over a libc C, its C does not. (de_DE.UTF-8 is not installed on the
// test machine; glibc maps case in it as in C.UTF-8.) So the check is what lower() does, not a list of names.

interface DatabaseLocale {
  database: string;
  encoding: string;
  collate: string;
  ctype: string;
  /** libc, icu or builtin, and the provider's own locale where it is not libc's. */
  provider: string;
  locale: string | null;
  folds: boolean;
}

/** Refuses a database whose encoding is not UTF8 or whose locale does not lower-case umlauts, saying how to make one that does. */
export async function requireUtf8Database(session: pg.Client): Promise<void> {
  // to_jsonb: the provider's locale is datlocale from PostgreSQL 17 on and daticulocale in 15 and 16.
  const { rows } = await session.query<DatabaseLocale>(
    `select d.datname as database, pg_encoding_to_char(d.encoding) as encoding, d.datcollate as collate, d.datctype as ctype,
       case d.datlocprovider when 'c' then 'libc' when 'i' then 'icu' when 'b' then 'builtin' else d.datlocprovider::text end as provider,
       coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale') as locale,
       lower('ÄÖÜ') = 'äöü' as folds
     from pg_database d where d.datname = current_database()`,
  );
  const found = rows[0];
  if (found.encoding === 'UTF8' && found.folds) return;
  const provider = found.provider === 'libc' ? '' : `, provider ${found.provider} ${found.locale ?? ''}`.trimEnd();
  throw new ConfigError(
    `The database ${found.database} has encoding ${found.encoding}, LC_COLLATE ${found.collate} and LC_CTYPE ${found.ctype}${provider}, ` +
      `where lower('Ü') is not 'ü': the search would no longer find "Mueller" for "müller". Create the database with ENCODING 'UTF8' and a UTF-8 LC_CTYPE ` +
      `(as the superuser: create database ${found.database}_utf8 owner <its role> encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0; ` +
      `de_DE.UTF-8 serves as well), move the data over with pg_dump and pg_restore (docs/office.md) and point the database URL at it. ` +
      'An embedded server from an old DATA_DIR: npm run backup, then npm run restore into a fresh DATA_DIR.',
  );
}
