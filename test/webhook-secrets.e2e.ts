import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { migrationsOrm } from '../shared/orm.ts';
import { ensureDatabase } from '../shared/postgres.ts';
import { regionMigrations } from '../subgraphs/region/migrations/index.ts';
import { openSecret, sealSecret, webhookKeyFromEnv } from '../subgraphs/region/inquiries/webhook-secrets.ts';

// Webhooks registered before secrets were sealed: the migration seals every
// stored secret with region's key and names each webhook's owner; down opens them again.

const key = randomBytes(32);
const migrations = regionMigrations(key);
const sealing = migrations.findIndex((m) => m.name === 'Migration20261201200000_webhook_owners');
let orm: MikroORM;

beforeAll(async () => {
  const url = await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_sealing`);
  orm = await migrationsOrm(url, migrations);
});
afterAll(async () => {
  await orm?.close(true);
});

test('the migration seals plain-text secrets and names the owners; down restores them', async () => {
  await orm.migrator.up({ to: migrations[sealing - 1].name });
  const em = orm.em.fork();
  const plain = { member: randomBytes(32).toString('base64url'), office: randomBytes(32).toString('base64url') };
  await em.execute(
    `insert into "webhook" ("member_id", "network", "url", "events", "secret", "created_at") values ('NIWE:m-1', 'NIWE', 'https://hooks.example/m', '{INVITED}', ?, now()), (null, 'LINAT', 'https://hooks.example/o', '{INVITED}', ?, now())`,
    [plain.member, plain.office],
  );

  await orm.migrator.up({ to: migrations[sealing].name });
  const sealed = await em.execute<{ owner_key: string; secret: string }[]>(`select "owner_key", "secret" from "webhook" order by "url"`);
  expect(sealed.map((r) => r.owner_key)).toEqual(['member:NIWE:m-1', 'office:LINAT']);
  expect(JSON.stringify(sealed)).not.toContain(plain.member);
  expect(JSON.stringify(sealed)).not.toContain(plain.office);
  expect(sealed.map((r) => openSecret(key, r.secret))).toEqual([plain.member, plain.office]);

  await orm.migrator.down({ to: migrations[sealing - 1].name });
  const opened = await em.execute<{ secret: string }[]>(`select "secret" from "webhook" order by "url"`);
  expect(opened.map((r) => r.secret)).toEqual([plain.member, plain.office]);
});

test('the key: WEBHOOK_KEY as hex or base64, else DATA_DIR/webhook-key made once (0600); a bad one says what to give', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'irm-webhook-key-'));
  try {
    const made = webhookKeyFromEnv({ DATA_DIR: dataDir });
    expect(made).toHaveLength(32);
    expect(statSync(join(dataDir, 'webhook-key')).mode & 0o777).toBe(0o600);
    expect(webhookKeyFromEnv({ DATA_DIR: dataDir })).toEqual(made);
    const given = randomBytes(32);
    expect(webhookKeyFromEnv({ DATA_DIR: dataDir, WEBHOOK_KEY: given.toString('hex') })).toEqual(given);
    expect(webhookKeyFromEnv({ DATA_DIR: dataDir, WEBHOOK_KEY: given.toString('base64') })).toEqual(given);
    expect(() => webhookKeyFromEnv({ WEBHOOK_KEY: 'too-short' })).toThrow('WEBHOOK_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32).');
    // A sealed secret does not open under another key, nor when altered.
    const sealed = sealSecret(made, 's3cret');
    expect(openSecret(made, sealed)).toBe('s3cret');
    expect(() => openSecret(given, sealed)).toThrow();
    // One character of the ciphertext changed: the one replaced decides the new one (deciding by the last
    // character left one sealed secret in 64 unchanged, and a CI run failed on it).
    const at = sealed.length - 2;
    const altered = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
    expect(altered).not.toBe(sealed);
    expect(() => openSecret(made, altered)).toThrow();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
