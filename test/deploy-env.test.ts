import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig as gatewayConfig } from '../gateway/index.ts';
import { loadConfig as regionConfig } from '../subgraphs/region/index.ts';

// The environment templates beside the region's and the gateway's units (deploy/*.env.example): filled in as an
// operator would (each CHANGE-ME a secret), each service takes them as they are, with nothing missing.

const dir = mkdtempSync(join(tmpdir(), 'irm-deploy-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const secret = 's'.repeat(64);

/** The template's variables, each CHANGE-ME replaced by a secret; `replace` sets others as the machine has them. */
function template(name: string, replace: Record<string, string> = {}): Record<string, string> {
  const variables = readFileSync(new URL(`../deploy/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split(/=(.*)/s) as [string, string]);
  return { ...Object.fromEntries(variables.map(([key, value]) => [key, value === 'CHANGE-ME' ? secret : value])), ...replace };
}

describe('deploy/ templates', () => {
  test("region's: its database, its secret and every network's address and secret", () => {
    const config = regionConfig(template('region.env.example', { DATA_DIR: dir }));
    expect(config.region.networkUrls).toEqual({ NIWE: 'https://niwe.example.org', LINAT: 'https://linat.example.org', KONAT: 'https://konat.example.org' });
    expect(config.region.secret).toBe(secret);
    expect(config.port).toBe(4004);
  });

  test("the gateway's: production, its token key from a file, every subgraph's address and secret, its TLS proxy trusted", () => {
    const key = join(dir, 'jwt-secret');
    writeFileSync(key, 'k'.repeat(64), { mode: 0o600 });
    const config = gatewayConfig(template('gateway.env.example', { JWT_SECRET_FILE: key }));
    expect(config.gateway.production).toBe(true);
    expect(Object.keys(config.gateway.subgraphSecrets).sort()).toEqual(['konat', 'linat', 'niwe', 'region']);
    expect(config.port).toBe(4000);
    // It listens behind a TLS proxy on the same machine, which names the client: without it every caller shared
    // 127.0.0.1's anonymous limits and wrong-key budget (the partner probe).
    expect(config.host).toBe('127.0.0.1');
    expect(config.gateway.trustedProxies).toEqual(['127.0.0.1', '::1']);
  });
});
