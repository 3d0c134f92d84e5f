import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { composeSupergraph } from '../scripts/compose.ts';
import { regionSubgraphSdl } from '../subgraphs/region/schema.ts';

// npm run schema:check as an office runs it: its next SDL in a file of its own, the
// supergraph it compares with, the manifests of the clients it must not break.
// The baseline is composed from the current SDL, so each test sees only its own change.

const dir = mkdtempSync(join(tmpdir(), 'irm-schema-check-'));
const baseline = join(dir, 'supergraph.graphql');
writeFileSync(baseline, composeSupergraph());
const region = regionSubgraphSdl();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Region's SDL with `from` replaced by `to` (which must be there, or the test would change nothing). */
function regionWith(from: string, to: string): string {
  expect(region).toContain(from);
  const file = join(dir, `region-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(file, region.replace(from, to));
  return file;
}

function manifest(bodies: string[]): string {
  const file = join(dir, `manifest-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: bodies.map((body) => ({ body })) }));
  return file;
}

function schemaCheck(args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, PERSISTED_OPERATIONS: '' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/schema-check.ts', '--supergraph', baseline, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr });
    });
  });
}

const networkQuery = 'network("The network\'s code, for example NIWE." code: NetworkCode!): Network';

describe('npm run schema:check', () => {
  test('an office starts its next SDL from --print niwe, which checks clean as it is (its schema.graphql is a template)', async () => {
    const printed = await schemaCheck(['--print', 'niwe']);
    expect(printed.code).toBe(0);
    expect(printed.output).toContain('type NiweMember implements Member');
    const file = join(dir, 'niwe-next.graphql');
    writeFileSync(file, printed.output);
    const { code, output } = await schemaCheck(['--subgraph', `niwe=${file}`]);
    expect(output).toMatch(/Schema check passed/);
    expect(code).toBe(0);
    expect((await schemaCheck(['--print', 'nowhere'])).output).toMatch(/^npm run schema:check: No subgraph named nowhere; known: niwe, linat, konat, region\./);
    // A file that is not there: the option and the file named, not Node's ENOENT alone.
    const missing = await schemaCheck(['--subgraph', `niwe=${join(dir, 'nofile.graphql')}`]);
    expect(missing.code).toBe(1);
    expect(missing.output.trim()).toBe(`npm run schema:check: --subgraph niwe=${join(dir, 'nofile.graphql')}: no such file.`);
  });

  test('an added optional field is a safe change and passes', async () => {
    const file = regionWith('type Network @key(fields: "code") {', 'type Network @key(fields: "code") {\n  "Year the network was founded."\n  founded: Int');
    const { code, output } = await schemaCheck(['--subgraph', `region=${file}`]);
    expect(output).toMatch(/SAFE\s+Field 'founded' was added to object type 'Network'/);
    expect(output).not.toMatch(/BREAKING/);
    expect(output).toMatch(/all valid/);
    expect(output).toMatch(/Schema check passed/);
    expect(code).toBe(0);
  });

  test('removing a field no client uses is still breaking and fails', async () => {
    const file = regionWith(`  "One network by code; null when the code names no network."\n  ${networkQuery}\n`, '');
    const { code, output } = await schemaCheck(['--subgraph', `region=${file}`]);
    expect(output).toMatch(/BREAKING\s+Field 'network' .*removed from object type 'Query'/);
    expect(output).toMatch(/all valid/);
    expect(output).toMatch(/FAILED: 1 breaking change\(s\), 0 broken operation\(s\)/);
    expect(code).toBe(1);
  });

  test('a change that breaks a registered partner operation names the operation and its manifest; the others pass', async () => {
    const partner = manifest(['query OneNetwork { network(code: NIWE) { name } }', 'query AllNetworks { networks { code name } }']);
    const file = regionWith(networkQuery, 'network(code: NetworkCode!, asOf: String!): Network');
    const { code, output } = await schemaCheck(['--subgraph', `region=${file}`, '--manifest', partner]);
    expect(output).toMatch(/BREAKING\s+Argument 'asOf: String!' added to field 'Query.network'/);
    expect(output).toContain(`BROKEN    OneNetwork (${partner})`);
    expect(output).toMatch(/argument "asOf" of type "String!" is required/);
    expect(output).not.toMatch(/BROKEN.*AllNetworks/);
    expect(code).toBe(1);
  });

  test("the portal's operations are checked too: removing a field its start page reads breaks it", async () => {
    const file = regionWith('  "Focus themes of the network\'s companies."\n  focus: [String!]!\n', '');
    const { code, output } = await schemaCheck(['--subgraph', `region=${file}`]);
    expect(output).toContain('BROKEN    StartPage (portal)');
    expect(output).toMatch(/Cannot query field "focus" on type "Network"/);
    expect(code).toBe(1);
  });

  test('a composition error is reported and fails', async () => {
    const networkCode = 'type Network @key(fields: "code") {\n  "The network\'s code, for example NIWE."\n  code: ';
    const file = regionWith(`${networkCode}NetworkCode!`, `${networkCode}String!`);
    const { code, output } = await schemaCheck(['--subgraph', `region=${file}`]);
    expect(output).toMatch(/Composition failed:\n\s+- .*Network\.code/);
    expect(code).toBe(1);
  });
});
