import { composeServices } from '@apollo/composition';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { subgraphDefinitions } from '../scripts/compose.ts';
import { close, listen } from '../shared/http.ts';
import { createSignatureVerifier } from '../shared/signature.ts';
import { ensureSubgraphSecrets, withSubgraphSecrets } from '../scripts/local.ts';

// Which secret signs what: every subgraph the supergraph names is called
// signed (not only the four known ones), and `npm start` gives each service its
// own secret and a network no other service's.

const secret = 's'.repeat(32);
const children: ChildProcess[] = [];
let extra: Server;
let extraUrl: string;
const refusals: (string | null)[] = [];
let dataDir: string;

beforeAll(async () => {
  // A fifth subgraph, as a cooperation partner might add one: it answers only requests signed for "extra".
  const verify = createSignatureVerifier('extra', secret);
  extra = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const refused = await verify({ method: req.method!, path: req.url!, body: Buffer.concat(chunks), headers: req.headers });
      refusals.push(refused);
      res.writeHead(refused ? 401 : 200, { 'content-type': 'application/json' }).end(refused ? '{}' : JSON.stringify({ data: { extraGreeting: 'signed' } }));
    });
  });
  extraUrl = await listen(extra, 0);
  dataDir = mkdtempSync(join(tmpdir(), 'irm-signatures-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await close(extra);
  rmSync(dataDir, { recursive: true, force: true });
});

function startGateway(supergraph: string): Promise<string> {
  const child = spawn(process.execPath, ['gateway/index.ts', '--supergraph', supergraph], {
    env: { ...process.env, PORT: '0', JWT_SECRET: 'x'.repeat(32), SUBGRAPH_SECRET: secret, ALLOW_UNSIGNED: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (c: Buffer) => {
      output += c;
      const match = /listening on (http:\/\/[^/\s]+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', () => reject(new Error(output)));
  });
}

describe('request signatures', () => {
  test('a subgraph beyond the four known ones is called signed, for its own name', async () => {
    const typeDefs = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"]) type Query { extraGreeting: String }`);
    const composed = composeServices([...subgraphDefinitions(), { name: 'extra', url: `${extraUrl}/graphql`, typeDefs }]);
    expect(composed.errors).toBeUndefined();
    const file = join(dataDir, 'supergraph.graphql');
    writeFileSync(file, composed.supergraphSdl!);
    const gateway = await startGateway(file);
    const res = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ extraGreeting }' }),
    });
    // Before, the gateway had secrets for niwe, linat, konat and region only, and called "extra" unsigned.
    expect(refusals).toEqual([null]);
    expect(await res.json()).toEqual({ data: { extraGreeting: 'signed' } });
  });

  test('npm start: one secret per service in DATA_DIR (0600); a network gets only its own, gateway and region every one', () => {
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      const services = ['niwe', 'linat', 'konat', 'region'];
      const secrets = ensureSubgraphSecrets(services, {});
      expect(new Set(Object.values(secrets)).size).toBe(4);
      for (const service of services) expect(statSync(join(dataDir, 'subgraph-secrets', service)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dataDir, 'subgraph-secrets')).mode & 0o777).toBe(0o700);
      // The same secrets on the next start; a variable of the operator's wins over the file.
      expect(ensureSubgraphSecrets(services, {})).toEqual(secrets);
      expect(ensureSubgraphSecrets(['niwe'], { NIWE_SUBGRAPH_SECRET: 'n'.repeat(32) })).toEqual({ niwe: 'n'.repeat(32) });

      // A secret in the supervisor's environment (SUBGRAPH_SECRET, another network's) does not leak to a network.
      // A previous secret (a change under way) is no other service's either: npm start passed it to every child.
      const inherited = {
        PATH: '/bin',
        SUBGRAPH_SECRET: 'shared'.repeat(4),
        LINAT_SUBGRAPH_SECRET: 'l'.repeat(32),
        REGION_SUBGRAPH_SECRET_PREVIOUS: 'p'.repeat(32),
      };
      const secretsOf = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([name]) => /SUBGRAPH_SECRET(_PREVIOUS)?$/.test(name)));
      expect(secretsOf(withSubgraphSecrets(inherited, 'niwe', secrets))).toEqual({ NIWE_SUBGRAPH_SECRET: secrets.niwe });
      expect(withSubgraphSecrets(inherited, 'niwe', secrets).PATH).toBe('/bin');
      const all = {
        NIWE_SUBGRAPH_SECRET: secrets.niwe,
        LINAT_SUBGRAPH_SECRET: secrets.linat,
        KONAT_SUBGRAPH_SECRET: secrets.konat,
        REGION_SUBGRAPH_SECRET: secrets.region,
      };
      expect(secretsOf(withSubgraphSecrets(inherited, 'gateway', secrets))).toEqual(all);
      expect(secretsOf(withSubgraphSecrets(inherited, 'region', secrets))).toEqual(all);
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
    }
  });
});
