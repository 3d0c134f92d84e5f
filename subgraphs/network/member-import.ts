import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { badInput } from '../../shared/errors.ts';
import type { InputReason } from '../../shared/input-reasons.ts';
import type { Identity } from '../../shared/identity.ts';
import { replayed, type Idempotency } from '../../shared/idempotency.ts';
import { decodeMembersFile, parseMembersCsv, type CsvEncoding } from '../../shared/member-csv.ts';
import { AuditEntrySchema } from './entities/index.ts';
import { recordAudit } from './audit.ts';
import { remember } from './idempotency.ts';
import { lockNamesakes, namesakeKey, validate, writeMembers, type ValidatedMember } from './members.ts';

// A members file written as one: every row read (shared/member-csv.ts) and
// checked by createMember's own validation, each field's error collected with
// its row and column, then members already in the network (or twice in the
// file) found by one query; only a file without any error is written, in one
// transaction, by batch inserts, so its SQL does not grow per row (MikroORM
// sends up to 300 rows a statement). The import is audited per member and as a
// whole; the whole's entry lists the members and answers an idempotent retry.

/** A row's error; a BAD_USER_INPUT's reason and parameters as badInput gives them (shared/input-reasons.ts), none for a CONFLICT. */
export interface ImportError {
  row: number;
  column: string | null;
  field: string | null;
  message: string;
  code: string;
  reason: string | null;
  min?: number;
  max?: number;
  above?: number;
  integer?: boolean;
  other?: string;
  /** A CONFLICT EXISTS's earlier row of the file that names the same member. */
  duplicateRow?: number;
  /** A CONFLICT EXISTS's member of the network that the row names again (its local id). */
  existingId?: number;
}

/** The reason and parameters of a validator's error (its extensions) or of a cell's (its InputReason), and nothing else of them. */
function reasonOf(source: Readonly<Record<string, unknown>> | InputReason): Pick<ImportError, 'reason' | 'min' | 'max' | 'above' | 'integer' | 'other'> {
  const { reason, min, max, above, integer, other } = source as Record<string, unknown>;
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  return {
    reason: typeof reason === 'string' ? reason : null,
    min: number(min),
    max: number(max),
    above: number(above),
    integer: integer === true ? true : undefined,
    other: typeof other === 'string' ? other : undefined,
  };
}

export interface ImportReport {
  imported: boolean;
  dryRun: boolean;
  rowCount: number;
  encoding: CsvEncoding;
  delimiter: string;
  columns: { header: string; field: string | null }[];
  errors: ImportError[];
  localIds: number[];
  /** Rows left out because the network has their member already (skipExisting). */
  skipped: number;
}

interface CheckedRow {
  row: number;
  data: ValidatedMember;
}

/**
 * Rows that name a live member of the network (same name with its umlauts written out, and postal code), or a row above
 * them: CONFLICT, with that member's id or that row. With `skipExisting`, a row naming a live member is no error but
 * skipped (its row in `skipped`): an office re-imports its edited export, whose members it has already, to add the new ones.
 * A second row naming that member is still a duplicate, of the skipped row.
 */
async function duplicates(
  tx: EntityManager,
  rows: CheckedRow[],
  columnOf: (field: string) => string | null,
  skipExisting: boolean,
): Promise<{ errors: ImportError[]; skipped: Set<number> }> {
  const errors: ImportError[] = [];
  const skipped = new Set<number>();
  const keyed = rows.filter((r) => r.data.scalars.sortKey && r.data.scalars.postalCode);
  if (keyed.length === 0) return { errors, skipped };
  // By postal code, each name by the rule createMember refuses a namesake by (members.ts namesakeKey).
  const existing = await tx.execute<{ id: number; name: string; postal_code: string }[]>(
    `select "id", "name", "postal_code" from "member" where "archived_at" is null and "postal_code" in (select jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify([...new Set(keyed.map((r) => r.data.scalars.postalCode))])],
  );
  const seen = new Map<string, { existingId: number } | { duplicateRow: number }>(
    existing.map((m) => [namesakeKey(m.name, m.postal_code), { existingId: m.id }]),
  );
  for (const { row, data } of keyed) {
    const key = namesakeKey(data.scalars.name!, data.scalars.postalCode!);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { duplicateRow: row });
      continue;
    }
    if ('existingId' in first && skipExisting) {
      skipped.add(row);
      // The file's next row naming this member repeats this one and is refused as its duplicate: skipped alike, the
      // file's twice-listed rows went unnoticed, which skipExisting promises to refuse still.
      seen.set(key, { duplicateRow: row });
      continue;
    }
    const what = 'existingId' in first ? `member m-${first.existingId}` : `in row ${first.duplicateRow}`;
    errors.push({
      row,
      column: columnOf('name'),
      field: 'name',
      code: 'CONFLICT',
      reason: 'EXISTS',
      ...first,
      message: `"${data.scalars.name}" in ${data.scalars.postalCode} is already ${what}; the import only creates members (change existing ones with updateMember), so remove this row${'existingId' in first ? ', or import with skipExisting' : ''}.`,
    });
  }
  return { errors, skipped };
}

/** The file's text: `csv` as sent, or `fileBase64`'s bytes decoded; exactly one of them. */
export function importedText(source: { csv?: string | null; fileBase64?: string | null }): { text: string; bytes: number; encoding: CsvEncoding } {
  if ((source.csv == null) === (source.fileBase64 == null)) {
    throw badInput('csv', 'Give the file either as text (csv) or as its bytes in base64 (fileBase64), not both and not neither.', { reason: 'COMBINATION' });
  }
  if (source.fileBase64 != null) return decodeMembersFile(source.fileBase64);
  const text = source.csv as string;
  return { text, bytes: Buffer.byteLength(text, 'utf8'), encoding: 'UTF-8' };
}

export async function importMembers(
  em: EntityManager,
  source: { text: string; bytes: number; encoding: CsvEncoding },
  dryRun: boolean,
  actor: Identity,
  key: Idempotency | null,
  skipExisting = false,
): Promise<ImportReport> {
  const file = parseMembersCsv(source.text, source.bytes);
  if (file.rows.length === 0) throw badInput('csv', 'The file names its columns but has no member rows below them.', { reason: 'FILE', cause: 'NO_ROWS' });
  const errors: ImportError[] = [];
  const checked: CheckedRow[] = [];
  for (const { row, member, errors: cellErrors } of file.rows) {
    const found: GraphQLError[] = [];
    const data = validate(member, false, found);
    const rowErrors = [
      ...cellErrors.map((e) => ({ field: e.field, message: e.message, code: 'BAD_USER_INPUT', ...reasonOf(e.reason) })),
      ...found.map((e) => ({
        field: (e.extensions.field as string | undefined) ?? null,
        message: e.message,
        code: String(e.extensions.code),
        ...reasonOf(e.extensions),
      })),
    ];
    for (const e of rowErrors) errors.push({ row, column: file.columnOf(e.field), ...e });
    checked.push({ row, data });
  }
  const report = { dryRun, rowCount: file.rows.length, encoding: source.encoding, delimiter: file.delimiter, columns: file.columns };

  return em.transactional(async (tx) => {
    const prior = dryRun ? null : await replayed(tx, key);
    if (prior !== null) {
      const entry = await tx.findOneOrFail(AuditEntrySchema, prior);
      const skipped = typeof entry.after?.skipped === 'number' ? entry.after.skipped : 0;
      return { ...report, imported: true, errors: [], skipped, localIds: ((entry.after?.members ?? []) as string[]).map((m) => Number(m.slice(2))) };
    }
    // One import at a time per network from the look for members it already has to its commit: two of one file at once
    // (two tabs, or "Datei prüfen" pressed again while the first ran) each found none and both wrote every row (the
    // CSV probe). A dry run writes nothing and waits for none.
    if (!dryRun) {
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['irm member import']);
      await lockNamesakes(
        tx,
        checked.flatMap((r) => (r.data.scalars.postalCode ? [r.data.scalars.postalCode] : [])),
      );
    }
    const found = await duplicates(tx, checked, (field) => file.columnOf(field), skipExisting);
    // A skipped row is not written, so what else is wrong with it (a phone edited into the export) stops nothing.
    const remaining = [...errors.filter((e) => !found.skipped.has(e.row)), ...found.errors].sort((a, b) => a.row - b.row);
    const skipped = found.skipped.size;
    if (remaining.length > 0 || dryRun) return { ...report, imported: false, errors: remaining, skipped, localIds: [] };

    const written = await writeMembers(
      tx,
      checked.filter(({ row }) => !found.skipped.has(row)).map(({ data }) => data),
      actor,
      'importMembers',
    );
    const whole = recordAudit(tx, actor, 'importMembers', 'members', null, {
      rows: written.length,
      members: written.map((member) => `m-${member.id}`),
      ...(skipped > 0 && { skipped }),
    });
    await tx.flush();
    await remember(tx, key, whole.id);
    return { ...report, imported: true, errors: [], skipped, localIds: written.map((member) => member.id) };
  });
}
