import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig as gatewayConfig } from '../gateway/index.ts';
import { defaultLimits } from '../gateway/limits.ts';
import { ConfigError } from '../shared/config.ts';
import { networks } from '../shared/networks.ts';
import { loadConfig as networkConfig } from '../subgraphs/network/index.ts';
import { demoMembers } from '../subgraphs/network/seeders/demo.seeder.ts';
import { loadConfig as regionConfig } from '../subgraphs/region/index.ts';

// Each service's configuration comes from the environment it is handed, never from process.env
// behind its back: README's defaults without variables, the variables when given, one clear line otherwise.

const unsigned = { ALLOW_UNSIGNED: '1' };
const saved = { ...process.env };
// Put back key by key: process.env itself stays (a plain object in its place would keep values unconverted for the
// files this test worker runs after this one, vitest.config.ts).
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe('gateway', () => {
  test("README's defaults, and nothing taken from process.env", () => {
    Object.assign(process.env, { PORT: '9999', MAX_QUERY_DEPTH: '3', NODE_ENV: 'production', SUBGRAPH_SECRET: 'p'.repeat(32), SHUTDOWN_GRACE_MS: '1' });
    const config = gatewayConfig(unsigned);
    expect(config.port).toBe(4000);
    expect(config.shutdown).toEqual({ graceMs: 15_000, drainDelayMs: 0 });
    expect(config.host).toBe('127.0.0.1');
    expect(config.gateway.limits).toEqual(defaultLimits);
    expect(config.gateway.subgraphUrls).toEqual({
      region: 'http://localhost:4004/graphql',
      niwe: 'http://localhost:4001/graphql',
      linat: 'http://localhost:4002/graphql',
      konat: 'http://localhost:4003/graphql',
    });
    expect(config.gateway.subgraphSecrets.niwe).toBeUndefined();
    expect([config.gateway.production, config.gateway.introspection]).toEqual([false, true]);
  });

  test('variables given are read, typed and checked', () => {
    const config = gatewayConfig({
      SUBGRAPH_SECRET: 's'.repeat(32),
      NIWE_SUBGRAPH_SECRET: 'n'.repeat(32),
      NODE_ENV: 'production',
      MAX_QUERY_DEPTH: '4',
      REGION_URL: 'http://region.internal:9000/',
      PORT: '0',
    });
    expect(config.port).toBe(0);
    expect(config.gateway.limits.depth).toBe(4);
    expect(config.gateway.subgraphUrls.region).toBe('http://region.internal:9000/graphql');
    expect(config.gateway.subgraphSecrets).toMatchObject({ niwe: 'n'.repeat(32), region: 's'.repeat(32) });
    expect([config.gateway.production, config.gateway.introspection]).toEqual([true, false]);
    expect(gatewayConfig({ ...unsigned, SHUTDOWN_GRACE_MS: '500', DRAIN_DELAY_MS: '1500' }).shutdown).toEqual({ graceMs: 500, drainDelayMs: 1500 });
    expect(() => gatewayConfig({ ...unsigned, DRAIN_DELAY_MS: '-1' })).toThrow(
      new ConfigError('DRAIN_DELAY_MS must be a whole number of at least 0, got "-1".'),
    );
    expect(gatewayConfig({ ...unsigned, NODE_ENV: 'production', INTROSPECTION: '1' }).gateway.introspection).toBe(true);
    expect(() => gatewayConfig({ ...unsigned, MAX_QUERY_DEPTH: 'deep' })).toThrow(
      new ConfigError('MAX_QUERY_DEPTH must be a whole number of at least 1, got "deep".'),
    );
    expect(() => gatewayConfig({})).toThrow(/Set SUBGRAPH_SECRET .* or ALLOW_UNSIGNED=1/);
  });

  test('CORS_ORIGINS: none by default; origins as a browser sends them; anything else one line saying what to give', () => {
    expect(gatewayConfig(unsigned).gateway.corsOrigins).toEqual([]);
    expect(gatewayConfig({ ...unsigned, CORS_ORIGINS: '' }).gateway.corsOrigins).toEqual([]);
    expect(gatewayConfig({ ...unsigned, CORS_ORIGINS: ' https://App.Partner.example/ , http://localhost:5173' }).gateway.corsOrigins).toEqual([
      'https://app.partner.example',
      'http://localhost:5173',
    ]);
    expect(() => gatewayConfig({ ...unsigned, CORS_ORIGINS: '*' })).toThrow(
      new ConfigError('CORS_ORIGINS must list origins (https://app.partner.example), not *: each partner app is allowed by name.'),
    );
    for (const entry of ['https://app.partner.example/graphql', 'app.partner.example', 'ftp://files.example', 'https://user:pw@app.partner.example']) {
      expect(() => gatewayConfig({ ...unsigned, CORS_ORIGINS: entry }), entry).toThrow(
        new ConfigError(
          `CORS_ORIGINS entry ${JSON.stringify(entry)} is not an origin: give scheme, host and port only, e.g. https://app.partner.example or http://localhost:5173.`,
        ),
      );
    }
  });

  test('a key file, a JWKS URL or a subgraph URL that will not do is one line naming the variable (the operator probe met stacks and a gateway that started)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'irm-config-'));
    try {
      expect(() => gatewayConfig({ ...unsigned, JWT_SECRET_FILE: join(folder, 'none') })).toThrow(
        new ConfigError(
          `JWT_SECRET_FILE ${join(folder, 'none')} cannot be read (there is no such file): give the file that holds the signing key, or set JWT_SECRET.`,
        ),
      );
      expect(() => gatewayConfig({ ...unsigned, JWT_SECRET_FILE: folder })).toThrow(/cannot be read \(it is a folder\)/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(() => gatewayConfig({ ...unsigned, JWKS_URL: 'notaurl' })).toThrow(
      new ConfigError('JWKS_URL must be an absolute URL such as http://localhost:4001, got "notaurl".'),
    );
    expect(() => gatewayConfig({ ...unsigned, NIWE_URL: 'ftp://x' })).toThrow(new ConfigError('NIWE_URL must be an http:// or https:// URL, got "ftp://x".'));
  });
});

describe('network', () => {
  test('its registry port, its own database variable first, demo data only when asked', () => {
    const config = networkConfig({ ...unsigned, NETWORK: 'LINAT', DATABASE_URL: 'postgresql://db/any', LINAT_DATABASE_URL: 'postgresql://db/linat' });
    expect(config).toEqual({
      port: 4002,
      host: '127.0.0.1',
      shutdown: { graceMs: 15_000, drainDelayMs: 0 },
      demoData: false,
      network: {
        network: 'LINAT',
        databaseUrl: 'postgresql://db/linat',
        secret: undefined,
        sqlDebug: false,
        queryTimeoutMs: 30_000,
        databasePoolMode: 'session',
        searchWordsPruneMs: 60_000,
        replayRedisUrl: undefined,
        observability: { logLevel: 'info', metrics: true, metricsHost: '127.0.0.1', metricsPort: undefined, metricsToken: undefined, otlpTracesUrl: undefined },
      },
    });
    const asked = networkConfig({
      ...unsigned,
      NETWORK: 'NIWE',
      DATABASE_URL: 'postgresql://db/x',
      DEMO_DATA: '1',
      SQL_DEBUG: '1',
      DATABASE_POOL_MODE: 'transaction',
      DATABASE_QUERY_TIMEOUT_MS: '0',
      SEARCH_WORDS_PRUNE_MS: '300000',
    });
    expect([asked.demoData, asked.network.sqlDebug, asked.network.databasePoolMode, asked.network.queryTimeoutMs]).toEqual([true, true, 'transaction', 0]);
    expect(asked.network.searchWordsPruneMs).toBe(300_000);
    expect(() => networkConfig({ ...unsigned, NETWORK: 'NIWE', DATABASE_URL: 'postgresql://db/x', SEARCH_WORDS_PRUNE_MS: '50' })).toThrow(
      new ConfigError('SEARCH_WORDS_PRUNE_MS must be a whole number of at least 100, got "50".'),
    );
    expect(() => networkConfig({ ...unsigned, NETWORK: 'NIWE', DATABASE_URL: 'postgresql://db/x', DATABASE_POOL_MODE: 'statement' })).toThrow(
      'DATABASE_POOL_MODE must be session',
    );
    expect(() => networkConfig({ NETWORK: 'FOO' })).toThrow('NETWORK must name a registered network (NIWE, LINAT, KONAT), got "FOO".');
  });

  test('a signing secret too short is refused by the name of the variable it came from', () => {
    const base = { NETWORK: 'NIWE', DATABASE_URL: 'postgresql://db/x' };
    expect(() => networkConfig({ ...base, NIWE_SUBGRAPH_SECRET: 'CHANGE-ME' })).toThrow(
      new ConfigError('NIWE_SUBGRAPH_SECRET must be at least 16 characters long, not 9.'),
    );
    expect(() => networkConfig({ ...base, SUBGRAPH_SECRET: 'kurz' })).toThrow(new ConfigError('SUBGRAPH_SECRET must be at least 16 characters long, not 4.'));
  });
});

describe('region', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('attachments and webhook key under DATA_DIR, count limit 0 counting everything', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'irm-config-'));
    const config = regionConfig({ ...unsigned, DATABASE_URL: 'postgresql://db/region', DATA_DIR: dataDir, SEARCH_COUNT_LIMIT: '0' });
    expect(config.port).toBe(4004);
    expect(config.shutdown).toEqual({ graceMs: 15_000, drainDelayMs: 0 });
    expect(config.region.sqlDebug).toBe(false);
    expect(config.region.inquiries?.attachmentsDir).toBe(resolve(dataDir, 'attachments'));
    expect(config.region.webhookKey).toHaveLength(32);
    expect(config.region.searchCountLimit).toBeNull();
    expect(config.region.networkUrls).toEqual({ NIWE: 'http://localhost:4001', LINAT: 'http://localhost:4002', KONAT: 'http://localhost:4003' });
    expect(() => regionConfig({ ...unsigned, DATABASE_URL: 'postgresql://db/region', DATA_DIR: dataDir, NETWORK_TIMEOUT_MS: '10' })).toThrow(
      'NETWORK_TIMEOUT_MS must be a whole number of milliseconds, at least 50.',
    );
  });

  test('the default count limit counts every demo network exactly, with room to grow', () => {
    const config = regionConfig({ ...unsigned, DATABASE_URL: 'postgresql://db/region' });
    expect(config.region.searchCountLimit).toBe(200);
    // What README promises: a real network's searches are exact; its demo networks have 40-80 members.
    for (const network of networks) expect(2 * demoMembers(network).length).toBeLessThanOrEqual(config.region.searchCountLimit!);
  });
});
