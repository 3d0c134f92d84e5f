import type { GraphQLError } from 'graphql';
import { sameMajor, serves } from '../../../shared/internal-api.ts';
import { keyedWrite } from '../network-client.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import type { RegionContext } from '../context.ts';
import { memberRef } from '../ids.ts';

// The other half of the network's member-import.ts: the file goes to the
// network that owns the members, which checks and writes it in one
// transaction under its own access rules; region turns the local ids it
// answers into members.

/** The import as a network's internal API takes it; `since15` adds what 1.5 brought (shared/internal-api.ts). */
const importMutation = (since15: boolean) => /* GraphQL */ `
  mutation (${since15 ? '$skipExisting: Boolean, ' : ''}$csv: String, $fileBase64: String, $dryRun: Boolean!, $key: String) {
    importMembers(csv: $csv, fileBase64: $fileBase64, dryRun: $dryRun, idempotencyKey: $key${since15 ? ', skipExisting: $skipExisting' : ''}) {
      imported dryRun rowCount encoding delimiter
      columns { header field }
      errors { row column field message code reason min max above integer other${since15 ? ' duplicateRow existingId' : ''} }
      localIds${since15 ? ' skipped' : ''}
    }
  }
`;
const currentImport = importMutation(true);
/** For a network before 1.5: its duplicates name their row or member in the message alone, and it skips none. */
const importBefore15 = importMutation(false);
const skippingSince = '1.5';

/**
 * The network's budget for an import: 1000 rows with their lists took 2.6 s on the two-core test machine
 * (1 s of it SQL), past NETWORK_TIMEOUT_MS's 2-s default; 8 s leaves three times that and stays inside the
 * gateway's default 10-s budget for region (SUBGRAPH_TIMEOUT_MS). A longer configured network timeout wins.
 */
const importTimeoutMs = 8_000;

interface ImportReport {
  imported: boolean;
  dryRun: boolean;
  rowCount: number;
  encoding: string;
  delimiter: string;
  columns: { header: string; field: string | null }[];
  errors: {
    row: number;
    column: string | null;
    field: string | null;
    message: string;
    code: string;
    reason: string | null;
    min: number | null;
    max: number | null;
    above: number | null;
    integer: boolean | null;
    other: string | null;
    duplicateRow?: number | null;
    existingId?: number | null;
  }[];
  localIds: number[];
  skipped?: number;
}

interface ImportArgs {
  network: string;
  csv?: string | null;
  fileBase64?: string | null;
  dryRun?: boolean | null;
  idempotencyKey?: string | null;
  skipExisting?: boolean | null;
}

async function importMembers(ctx: RegionContext, args: ImportArgs) {
  const skipExisting = args.skipExisting ?? false;
  const variables = { csv: args.csv ?? null, fileBase64: args.fileBase64 ?? null, dryRun: args.dryRun ?? false, key: args.idempotencyKey ?? null };
  const client = ctx.client(args.network);
  const options = {
    write: variables.dryRun ? undefined : keyedWrite(args.idempotencyKey),
    timeoutMs: Math.max(client.timeoutMs, importTimeoutMs),
  };
  const ask = (query: string, extra: Record<string, unknown> = {}, since?: string) =>
    client.request<{ importMembers: ImportReport }>(query, { ...variables, ...extra }, ctx.identityHeader, { ...options, since });
  let report: ImportReport;
  if (skipExisting) {
    // Only a network of 1.5 or later can skip: an older one is not asked, and the error names both versions.
    report = (await ask(currentImport, { skipExisting }, skippingSince)).importMembers;
  } else if (client.served !== undefined && !serves(client.served, skippingSince)) {
    report = (await ask(importBefore15)).importMembers;
  } else {
    try {
      report = (await ask(currentImport, { skipExisting })).importMembers;
    } catch (error) {
      // Region's first call to a network of an older minor (or one of its replicas not updated yet): its schema
      // refused the new fields before running anything, so the import is asked again without them.
      const { code, networkVersion } = (error as GraphQLError).extensions ?? {};
      if (code !== 'INTERNAL_API_VERSION' || typeof networkVersion !== 'string' || !sameMajor(networkVersion, client.version)) throw error;
      report = (await ask(importBefore15)).importMembers;
    }
  }
  const { localIds, errors, skipped, ...rest } = report;
  return {
    ...rest,
    skipped: skipped ?? 0,
    errors: errors.map(({ duplicateRow, existingId, ...error }) => ({
      ...error,
      duplicateRow: duplicateRow ?? null,
      existingMember: typeof existingId === 'number' ? memberRef(args.network, existingId) : null,
    })),
    members: localIds.map((id) => memberRef(args.network, id)),
  };
}

export const memberImportResolvers: Resolvers = {
  Mutation: {
    importMembers: (_, args, ctx) => importMembers(ctx, args),
  },
};
