import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { portalManifestPath } from '../gateway/portal.ts';
import { sha256Hex } from '../gateway/safelist.ts';
import { persistedOperationManifest, type PersistedOperationManifest } from '../portal/persisted-operations.ts';
import { composeSupergraph } from '../scripts/compose.ts';
import { ensurePortalBuilt } from '../scripts/build-portal.ts';
import { regionSubgraphSdl } from '../subgraphs/region/schema.ts';
import { createMember } from './support/members.ts';
import { startStack, type Stack } from './support/stack.ts';

// The portal's operations are registered when it is built (portal/dist/persisted-operations.json), every
// gateway loads that manifest without configuration, and a request naming only an operation's hash runs
// it; npm run schema:check validates the built manifest, so a change that would break a registered hash
// is caught before release.

let stack: Stack;
let manifest: PersistedOperationManifest;
const dir = mkdtempSync(join(tmpdir(), 'irm-persisted-'));

beforeAll(async () => {
  await ensurePortalBuilt(() => {});
  manifest = JSON.parse(readFileSync(portalManifestPath, 'utf8'));
  stack = await startStack();
}, 300_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const byName = (name: string) => manifest.operations.find((o) => o.name === name)!;

async function post(body: object, token?: string) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }) };
}

/** The request the portal sends: the operation's name, its variables and its hash, no text. */
const byHash = (name: string, variables: Record<string, unknown> = {}, token?: string) =>
  post({ operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: byName(name).id } } }, token);

describe('persisted operations', () => {
  test("the build registers every operation the portal exports, each under the SHA-256 of its text, in Apollo's manifest format", () => {
    expect(manifest).toEqual(persistedOperationManifest());
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    expect(manifest.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['FindSuppliers', 'MemberProfile', 'SearchMembers', 'StartPage']));
    for (const operation of manifest.operations) expect(operation.id).toBe(sha256Hex(operation.body));
    // The client is built with the hashes, and sends those: the portal's scripts name each id (the
    // client sits in a chunk the entry and the lazily loaded pages share).
    const assets = join(portalManifestPath, '..', 'assets');
    const bundle = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    for (const operation of manifest.operations) expect(bundle).toContain(operation.id);
    // Built for production whoever starts the build: no source file's path in the scripts (jsxDEV writes one per element).
    expect(bundle).not.toContain(process.cwd());
  });

  test('a hash of the manifest runs its operation through the gateway, with no query text, and answers as the text does', async () => {
    const office = await stack.token({ role: 'office', network: 'LINAT' });
    const input = { name: 'Hash & Partner Fräserei GmbH', postalCode: '99974', city: 'Mühlhausen', processes: ['3.2.3'] };
    const { id } = await createMember(stack, office, 'LINAT', input);
    const calls: [string, Record<string, unknown>][] = [
      ['StartPage', {}],
      ['SearchMembers', { filter: { text: 'Hash Partner' }, first: 5 }],
      ['MemberProfile', { id }],
      ['FindSuppliers', { requirements: { processes: ['3.2.3'] }, first: 5 }],
    ];
    for (const [name, variables] of calls) {
      const hashed = await byHash(name, variables);
      expect(hashed.errors, name).toBeUndefined();
      const text = await post({ query: byName(name).body, operationName: name, variables });
      expect(hashed.data, name).toEqual(text.data);
    }
    expect((await byHash('MemberProfile', { id })).data.member.name).toBe('Hash & Partner Fräserei GmbH');
    expect((await byHash('SearchMembers', { filter: { text: 'Hash Partner' }, first: 5 })).data.members.totalCount).toBe(1);
  });

  test('an unknown hash is PERSISTED_QUERY_NOT_FOUND, with a message saying what to do', async () => {
    const unknown = await post({
      operationName: 'Gone',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('query Gone { networks { code } }') } },
    });
    expect(unknown.status).toBe(200);
    expect(unknown.data).toBeUndefined();
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors![0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.errors![0].message).toMatch(/^No operation is registered under this extensions\.persistedQuery\.sha256Hash\. Send the query text/);
  });

  test("the portal's manifest does not widen a restricted partner's safelist", async () => {
    const restricted = await stack.token({ role: 'partner', sub: 'eingeschraenkt', safelist: true });
    const refused = await byHash('StartPage', {}, restricted);
    expect(refused.status).toBe(403);
    expect(refused.errors![0].extensions.code).toBe('OPERATION_NOT_SAFELISTED');
    // This gateway has no PERSISTED_OPERATIONS: "ask the cooperation to register it" promised what it cannot do.
    expect(refused.errors![0].message).toMatch(
      /^This partner may send only registered operations, and this gateway has none \(no PERSISTED_OPERATIONS manifest\)/,
    );
    const trusted = await byHash('StartPage', {}, await stack.token({ role: 'partner', sub: 'frei' }));
    expect(trusted.errors).toBeUndefined();
  });
});

describe('npm run schema:check and the built manifest', () => {
  const baseline = join(dir, 'supergraph.graphql');
  const builtManifest = relative(process.cwd(), portalManifestPath);

  function schemaCheck(args: string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['scripts/schema-check.ts', '--supergraph', baseline, ...args],
        { env: { ...process.env, PERSISTED_OPERATIONS: '' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
      );
    });
  }

  test('checks every operation of the built manifest and passes while they validate', async () => {
    writeFileSync(baseline, composeSupergraph());
    const { code, output } = await schemaCheck([]);
    expect(output).toContain(`${builtManifest}: ${manifest.operations.length}`);
    expect(output).toMatch(/all valid/);
    expect(code).toBe(0);
  });

  test('a change under which a registered hash no longer validates names that operation and the manifest, and fails', async () => {
    writeFileSync(baseline, composeSupergraph());
    const region = regionSubgraphSdl();
    // The field and its description.
    const memberCount = /\n {2}"[^"\n]*"\n {2}memberCount: Int\n/;
    expect(region).toMatch(memberCount);
    const next = join(dir, 'region.graphql');
    writeFileSync(next, region.replace(memberCount, '\n'));
    const { code, output } = await schemaCheck(['--subgraph', `region=${next}`]);
    expect(output).toContain(`BROKEN    StartPage (${builtManifest})`);
    expect(output).toMatch(/Cannot query field "memberCount" on type "Network"/);
    expect(code).toBe(1);
  });
});
