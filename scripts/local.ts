import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Where the embedded default keeps its state: the PostgreSQL data, the local JWT
// signing key and the secret the gateway signs its subgraph requests with.

export function dataDir(): string {
  return resolve(process.env.DATA_DIR || '.data');
}

export function jwtSecretFile(): string {
  return join(dataDir(), 'jwt-secret');
}

/** The local signing key; created on first start so `npm run token` and the gateway agree. */
export function ensureJwtSecret(): string {
  return ensureSecret(jwtSecretFile());
}

/** The secret shared by the gateway and every subgraph under `npm start`. */
export function ensureSubgraphSecret(): string {
  return ensureSecret(join(dataDir(), 'subgraph-secret'));
}

function ensureSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
