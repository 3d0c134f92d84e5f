import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import federation from '@apollo/federation-internals';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { portalManifestPath } from '../gateway/portal.ts';
import { loadSafelist } from '../gateway/safelist.ts';
import { supergraphPath } from '../gateway/supergraph.ts';
import { operations as portalOperations } from '../portal/src/operations.ts';
import { subgraphDefinitions } from './compose.ts';

// `npm run schema:check`: before a subgraph's schema change is released, compose the
// supergraph from the current SDL, compare what clients see (the API schema) with the
// committed supergraph, and validate every known client operation against the result.
// An office changes its subgraph on its own schedule; this is what tells it whether the
// change can go out. Exit code 1 on a composition error, a breaking change or a broken
// operation; dangerous changes are reported but pass.
//
//   --subgraph name=file   use this SDL for subgraph `name` (niwe, linat, konat, region)
//                          instead of the committed one, e.g. an office's next version
//   --print name           print subgraph `name`'s SDL as it composes today, to start the next
//                          version from (the network's own schema.graphql is a template: its
//                          NetworkMember and NetworkCode are filled in per network)
//   --supergraph file      compare with this supergraph instead of HEAD's gateway/supergraph.graphql
//   --manifest file        a persisted-operation manifest to validate (repeatable); the
//                          gateway's PERSISTED_OPERATIONS, the portal's operations and the
//                          manifest its build wrote (portal/dist/persisted-operations.json,
//                          what the gateway runs by hash) always are

export type Level = 'breaking' | 'dangerous' | 'safe';

export interface SchemaChange {
  level: Level;
  message: string;
  path?: string;
}

export interface ClientOperation {
  /** Who sends it: `portal` or the manifest's path. */
  client: string;
  body: string;
}

export interface BrokenOperation {
  client: string;
  name: string;
  errors: string[];
}

export interface SchemaCheckReport {
  compositionErrors: string[];
  changes: SchemaChange[];
  operationCount: number;
  /** Operations checked per client, in the order given. */
  clients: Record<string, number>;
  brokenOperations: BrokenOperation[];
}

const levels: Record<CriticalityLevel, Level> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** What clients see of a supergraph: the API schema, without the join__ and link__ machinery. */
function apiSchema(supergraphSdl: string): GraphQLSchema {
  return federation.Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The committed subgraphs, with the SDL of those named in `overrides` replaced. */
function compose(overrides: Record<string, string>): { supergraphSdl?: string; errors: string[] } {
  const definitions = subgraphDefinitions();
  for (const name of Object.keys(overrides)) {
    if (!definitions.some((d) => d.name === name)) throw new Error(`No subgraph named ${name}; known: ${definitions.map((d) => d.name).join(', ')}.`);
  }
  const result = composeServices(definitions.map((d) => (d.name in overrides ? { ...d, typeDefs: parse(overrides[d.name]) } : d)));
  if (result.errors) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl, errors: [] };
}

function operationName(document: DocumentNode): string {
  const names = document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [d.name?.value ?? '(anonymous)'] : []));
  return names.join(', ') || '(no operation)';
}

function checkOperation(schema: GraphQLSchema, operation: ClientOperation): BrokenOperation | undefined {
  let document: DocumentNode;
  try {
    document = parse(operation.body);
  } catch (error) {
    return { client: operation.client, name: '(unparsable)', errors: [(error as Error).message] };
  }
  const errors = validate(schema, document);
  if (errors.length === 0) return undefined;
  return { client: operation.client, name: operationName(document), errors: errors.map((e) => e.message) };
}

/** Composes with the overrides, classifies each API change against `baselineSupergraph` and validates `clients`. */
export async function checkSchema(options: {
  overrides: Record<string, string>;
  baselineSupergraph: string;
  clients: ClientOperation[];
}): Promise<SchemaCheckReport> {
  const composed = compose(options.overrides);
  const clients: Record<string, number> = {};
  for (const { client } of options.clients) clients[client] = (clients[client] ?? 0) + 1;
  if (!composed.supergraphSdl)
    return { compositionErrors: composed.errors, changes: [], operationCount: options.clients.length, clients, brokenOperations: [] };
  const next = apiSchema(composed.supergraphSdl);
  const changes = (await diff(apiSchema(options.baselineSupergraph), next)).map((c) => ({
    level: levels[c.criticality.level],
    message: c.message,
    path: c.path,
  }));
  const brokenOperations = options.clients.flatMap((operation) => checkOperation(next, operation) ?? []);
  return { compositionErrors: [], changes, operationCount: options.clients.length, clients, brokenOperations };
}

export function failed(report: SchemaCheckReport): boolean {
  return report.compositionErrors.length > 0 || report.brokenOperations.length > 0 || report.changes.some((c) => c.level === 'breaking');
}

/** The report as a person reads it: composition, then changes by level, then client operations, then the verdict. */
export function formatReport(report: SchemaCheckReport, baselineName: string): string {
  const lines: string[] = [];
  if (report.compositionErrors.length > 0) {
    lines.push('Composition failed:', ...report.compositionErrors.map((e) => `  - ${e}`));
  } else {
    lines.push('Composition: ok');
    lines.push(report.changes.length === 0 ? `Changes against ${baselineName}: none` : `Changes against ${baselineName}:`);
    for (const level of ['breaking', 'dangerous', 'safe'] as const) {
      for (const change of report.changes.filter((c) => c.level === level)) lines.push(`  ${level.toUpperCase().padEnd(9)} ${change.message}`);
    }
    const broken = report.brokenOperations.length;
    const perClient = Object.entries(report.clients).map(([client, count]) => `${client}: ${count}`);
    lines.push(
      `Client operations: ${report.operationCount} checked${perClient.length > 0 ? ` (${perClient.join(', ')})` : ''}, ${broken === 0 ? 'all valid' : `${broken} broken:`}`,
    );
    for (const operation of report.brokenOperations) {
      lines.push(`  BROKEN    ${operation.name} (${operation.client})`, ...operation.errors.map((e) => `            ${e}`));
    }
  }
  const breaking = report.changes.filter((c) => c.level === 'breaking').length;
  lines.push(
    failed(report)
      ? `Schema check FAILED${report.compositionErrors.length > 0 ? '' : `: ${breaking} breaking change(s), ${report.brokenOperations.length} broken operation(s)`}.`
      : 'Schema check passed.',
  );
  return lines.join('\n');
}

/** The supergraph as committed (HEAD), so running `npm run compose` first does not hide the changes; the file itself outside a git checkout. */
function committedSupergraph(): { sdl: string; name: string } {
  const file = fileURLToPath(supergraphPath);
  const name = relative(process.cwd(), file);
  try {
    const sdl = execFileSync('git', ['-C', dirname(file), 'show', `HEAD:./${basename(file)}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { sdl, name: `HEAD:${name}` };
  } catch {
    return { sdl: readFileSync(file, 'utf8'), name };
  }
}

function manifestOperations(path: string): ClientOperation[] {
  return [...loadSafelist(path).bodies.values()].map((body) => ({ client: path, body }));
}

/** An SDL file given by an option, or a line naming the option and the file: it was Node's ENOENT alone. */
function readSdl(file: string, option: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    throw new Error(`${option}${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : (error as Error).message}.`);
  }
}

function parseOverrides(values: string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const value of values) {
    const [name, file] = value.split(/=(.*)/s);
    if (!name || !file) throw new Error(`--subgraph takes name=file, got ${value}.`);
    overrides[name] = readSdl(file, `--subgraph ${name}=`);
  }
  return overrides;
}

async function main(): Promise<boolean> {
  const { values } = parseArgs({
    options: {
      subgraph: { type: 'string', multiple: true, default: [] },
      supergraph: { type: 'string' },
      manifest: { type: 'string', multiple: true, default: [] },
      print: { type: 'string' },
    },
  });
  if (values.print !== undefined) {
    const definition = subgraphDefinitions().find((d) => d.name === values.print);
    if (!definition)
      throw new Error(
        `No subgraph named ${values.print}; known: ${subgraphDefinitions()
          .map((d) => d.name)
          .join(', ')}.`,
      );
    console.log(print(definition.typeDefs));
    return true;
  }
  const baseline = values.supergraph ? { sdl: readSdl(values.supergraph, '--supergraph '), name: values.supergraph } : committedSupergraph();
  const portalManifest = relative(process.cwd(), portalManifestPath);
  if (!existsSync(portalManifestPath)) console.log(`The portal is not built: ${portalManifest} not checked (npm run build:portal).`);
  const manifests = [
    ...(existsSync(portalManifestPath) ? [portalManifest] : []),
    ...(process.env.PERSISTED_OPERATIONS ? [process.env.PERSISTED_OPERATIONS] : []),
    ...values.manifest,
  ];
  const clients = [...portalOperations.map((o) => ({ client: 'portal', body: o.text })), ...manifests.flatMap(manifestOperations)];
  const report = await checkSchema({ overrides: parseOverrides(values.subgraph), baselineSupergraph: baseline.sdl, clients });
  console.log(formatReport(report, baseline.name));
  return !failed(report);
}

if (import.meta.main) {
  try {
    if (!(await main())) process.exitCode = 1;
  } catch (error) {
    console.error(`npm run schema:check: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
