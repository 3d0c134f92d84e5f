import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { canonicalMaterial, materialSearchText } from '../shared/data/materials.ts';
import { postalCodeLocation } from '../shared/data/postal-codes.ts';
import { findProcess } from '../shared/data/processes.ts';
import { dataPaths, findNetwork, networks, serviceDatabase, type NetworkInfo } from '../shared/networks.ts';
import { embeddedServerUrl, ensureDatabase } from '../shared/postgres.ts';
import { nameSortKey } from '../shared/sort-key.ts';
import { dataDir } from './local.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';
import { companyName, fakeMember, networkSeed, pickProfile, random } from '../subgraphs/network/seeders/demo.seeder.ts';

// npm run seed:bulk -- --network NIWE --members 100000 [--database-url URL]
// Appends synthetic members, shaped like the demo data, in batches of one
// statement per table: sizing a network for the benchmark takes seconds, not
// the minutes the ORM's per-member writes would.

const batchSize = 2000;

export interface BulkSeedOptions {
  databaseUrl: string;
  network: NetworkInfo;
  members: number;
  /** Called after every batch with the number of members written so far. */
  progress?: (written: number) => void;
}

export async function seedBulk(options: BulkSeedOptions): Promise<void> {
  const { network } = options;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('select count(*) from "member"');
    // Each run continues the network's sequence of fake members instead of repeating the first ones.
    const rand = random(networkSeed(network) + Number(rows[0].count));
    for (let written = 0; written < options.members; ) {
      const size = Math.min(batchSize, options.members - written);
      await insertBatch(client, network, rand, size);
      written += size;
      options.progress?.(written);
    }
    // A bulk load ends as autovacuum would leave it, only now: planner statistics for the new
    // rows, and the visibility map that lets searches answer from an index alone.
    if (options.members > 0) await client.query('vacuum (analyze) "member", "certification", "service", "contact_person"');
  } finally {
    await client.end();
  }
}

async function insertBatch(client: pg.Client, network: NetworkInfo, rand: () => number, size: number) {
  const ids = (
    await client.query<{ id: number }>(`select nextval(pg_get_serial_sequence('member', 'id'))::int as id from generate_series(1, $1)`, [size])
  ).rows.map((r) => r.id);
  const members = [];
  const certifications = [];
  const services = [];
  const contacts = [];
  for (const id of ids) {
    const profile = pickProfile(rand, network);
    const m = fakeMember(rand, network, profile, companyName(rand, profile, true));
    const point = postalCodeLocation(m.postalCode!);
    const materials = (m.materials ?? []).map(canonicalMaterial);
    members.push({
      id,
      name: m.name,
      sort_key: nameSortKey(m.name!),
      street: m.street,
      postal_code: m.postalCode,
      city: m.city,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
      website: m.website,
      employees: m.employees,
      description: m.description,
      process_codes: m.processes,
      materials,
      // The same search texts the member writes keep (subgraphs/network/members.ts).
      services_text: (m.services ?? []).map((s) => `${s.title} ${s.description ?? ''}`).join(' '),
      processes_text: (m.processes ?? []).map((c) => findProcess(c)?.name ?? '').join(' '),
      materials_text: materialSearchText(materials),
      certifications_text: (m.certifications ?? []).map((c) => c.standard).join(' '),
    });
    for (const c of m.certifications ?? []) certifications.push({ member_id: id, standard: c.standard, number: c.number, valid_until: c.validUntil });
    for (const s of m.services ?? []) services.push({ member_id: id, title: s.title, description: s.description, process_codes: s.processes ?? [] });
    for (const p of m.contacts ?? []) contacts.push({ member_id: id, name: p.name, role: p.role, email: p.email, phone: p.phone });
  }
  await client.query('begin');
  await insertJson(
    client,
    'member',
    'id int, name text, sort_key text, street text, postal_code text, city text, latitude float8, longitude float8, website text, employees int, description text, process_codes text[], materials text[], services_text text, processes_text text, materials_text text, certifications_text text',
    members,
    { created_at: 'now()', updated_at: 'now()' },
  );
  await insertJson(client, 'certification', 'member_id int, standard text, number text, valid_until date', certifications);
  await insertJson(client, 'service', 'member_id int, title text, description text, process_codes text[]', services);
  await insertJson(client, 'contact_person', 'member_id int, name text, role text, email text, phone text', contacts);
  await client.query('commit');
}

/** One INSERT for many rows: the rows travel as one JSON parameter; columns are named, so columns added later keep their defaults. */
async function insertJson(client: pg.Client, table: string, columns: string, rows: object[], constants: Record<string, string> = {}) {
  const names = columns.split(',').map((c) => c.trim().split(' ')[0]);
  const all = [...names, ...Object.keys(constants)].map((n) => `"${n}"`).join(', ');
  const values = [...names.map((n) => `"${n}"`), ...Object.values(constants)].join(', ');
  await client.query(`insert into "${table}" (${all}) select ${values} from json_to_recordset($1::json) as r(${columns})`, [JSON.stringify(rows)]);
}

/** A progress bar on a terminal, a line per tenth otherwise (CI logs). */
export function progressReporter(label: string, total: number): (written: number) => void {
  let lastTenth = 0;
  return (written) => {
    if (process.stdout.isTTY) {
      const width = 30;
      const filled = Math.round((written / total) * width);
      process.stdout.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${written}/${total}${written === total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((written / total) * 10);
    if (tenth > lastTenth || written === total) console.log(`${label}: ${written}/${total}`);
    lastTenth = tenth;
  };
}

async function main() {
  const usage = `Usage: npm run seed:bulk -- --network <${networks.map((n) => n.code).join('|')}> --members N [--database-url URL]`;
  const { values } = parseArgs({ options: { network: { type: 'string' }, members: { type: 'string' }, 'database-url': { type: 'string' } } });
  const network = findNetwork(values.network?.toUpperCase() ?? '');
  const members = Number(values.members);
  if (!network || !Number.isInteger(members) || members < 1) throw new Error(usage);
  const databaseUrl =
    values['database-url'] ??
    process.env[`${network.code}_DATABASE_URL`] ??
    (await ensureDatabase(
      process.env.DATABASE_URL ?? embeddedServerUrl(join(dataDir(), dataPaths.postgres), Number(process.env.PG_PORT || dataPaths.defaultPgPort)),
      serviceDatabase(network.code),
    ));
  // The tables come from the network's migrations; a fresh database gets them here.
  const { orm } = await initNetworkOrm(databaseUrl);
  await orm.close(true);
  const started = Date.now();
  await seedBulk({ databaseUrl, network, members, progress: progressReporter(`${network.code} members`, members) });
  console.log(`${network.code}: ${members} members written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.main) {
  main().catch((error) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
