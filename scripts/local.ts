import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataPaths, gatewayService, regionService } from '../shared/networks.ts';
import { ConfigError } from '../shared/config.ts';

// Where the embedded default keeps its state: the PostgreSQL data, the local JWT
// signing key and the secrets the gateway and region sign their subgraph requests with.

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_DIR || dataPaths.defaultDataDir);
}

export function jwtSecretFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), dataPaths.jwtSecret);
}

/** The local signing key; created on first start so `npm run token` and the gateway agree. */
export function ensureJwtSecret(): string {
  return ensureSecret(jwtSecretFile());
}

/** `niwe` -> NIWE_SUBGRAPH_SECRET, the variable a service's own secret travels in (shared/signature.ts). */
export function subgraphSecretVariable(service: string): string {
  return `${service.toUpperCase()}_SUBGRAPH_SECRET`;
}

/**
 * One secret per service under `npm start` (by the gateway's names: niwe, linat, konat, region), from
 * <SERVICE>_SUBGRAPH_SECRET when set, else DATA_DIR/subgraph-secrets/<service>, created on first start.
 * With one secret for all, a request signed for NIWE was accepted by LINAT and KONAT too.
 */
export function ensureSubgraphSecrets(services: string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(services.map((s) => [s, env[subgraphSecretVariable(s)] || ensureSecret(join(dataDir(), dataPaths.subgraphSecrets, s))]));
}

/**
 * A process's environment with only the signing secrets it needs: a network its own, the gateway and region
 * (which call the networks) every one. Secrets in the caller's environment are not passed on to the others.
 */
export function withSubgraphSecrets(env: NodeJS.ProcessEnv, service: string, secrets: Record<string, string>): NodeJS.ProcessEnv {
  // A previous secret too (<NAME>_SUBGRAPH_SECRET_PREVIOUS): one service's old secret is no other's business.
  const own = Object.fromEntries(Object.entries(env).filter(([name]) => !/SUBGRAPH_SECRET(_PREVIOUS)?$/.test(name)));
  const needed = service === gatewayService.name || service === regionService.name ? Object.keys(secrets) : [service];
  for (const name of needed) own[subgraphSecretVariable(name)] = secrets[name];
  return own;
}

function ensureSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Written by npm run restore before it replaces anything in DATA_DIR and removed once the restore is whole; while it
 * is there, npm start refuses the folder. A restore that failed half way (a damaged row in the archive) left a folder
 * that started as if restored: one network seeded demo members into its empty database, region came up empty.
 */
export const restoreIncompleteMarker = '.restore-incomplete';

/** Refuses a DATA_DIR that a restore left half done, saying what to do. */
export function refuseIncompleteRestore(env: NodeJS.ProcessEnv = process.env): void {
  const marker = join(dataDir(env), restoreIncompleteMarker);
  if (!existsSync(marker)) return;
  const from = readFileSync(marker, 'utf8').trim();
  throw new ConfigError(
    `${dataDir(env)} is only partly restored${from ? ` from ${from}` : ''}: run npm run restore -- FILE --force again with a good backup, or use another DATA_DIR.`,
  );
}
