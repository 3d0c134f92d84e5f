import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listen } from '../shared/http.ts';
import { csvImportLimits } from '../shared/member-csv.ts';
import { NetworkClient } from '../subgraphs/region/network-client.ts';
import { type GraphQLResponse, ok, startStack, type Stack } from './support/stack.ts';
import { olderNetwork } from './support/older-network.ts';
import { until } from './support/wait.ts';

// importMembers and GET /export/members.csv through the real gateway: a file's
// every row error before anything is written, all or nothing, German Excel's
// form, access, size limits, idempotent retries, statements per import, and an
// export that imports into an empty network as the same members.
// NIWE takes the imports; LINAT and KONAT stay empty until the round trips.

let stack: Stack;
let admin: string;
let niweOffice: string;

const importMutation = `mutation($network: NetworkCode!, $csv: String!, $dryRun: Boolean, $key: String) {
  importMembers(network: $network, csv: $csv, dryRun: $dryRun, idempotencyKey: $key) {
    imported dryRun rowCount delimiter skipped columns { header field } errors { row column field message code reason min max above integer other duplicateRow existingMember { id name } } members { id name }
  }
}`;

const memberFields = `name street postalCode city location { latitude longitude } website employees description
  processes { code } materials certifications { standard number validUntil } services { title description processes { code } }
  contacts { name role email phone }`;

function importCsv(network: string, csv: string, token: string, extra: { dryRun?: boolean; key?: string; skipExisting?: boolean } = {}) {
  const { skipExisting, ...rest } = extra;
  const query =
    skipExisting === undefined
      ? importMutation
      : importMutation.replace('$key: String)', '$key: String, $skip: Boolean)').replace('idempotencyKey: $key)', 'idempotencyKey: $key, skipExisting: $skip)');
  return stack.query(query, { network, csv, ...rest, ...(skipExisting !== undefined && { skip: skipExisting }) }, token);
}

async function memberCount(network: string): Promise<number> {
  const data = await ok(stack.query(`query($code: NetworkCode!) { network(code: $code) { memberCount } }`, { code: network }));
  return data.network.memberCount;
}

/** Every live member of a network with the fields an import writes, by name. */
async function membersOf(network: string) {
  const members: unknown[] = [];
  let after: string | null = null;
  do {
    const data = await ok(
      stack.query(
        `query($code: NetworkCode!, $after: String) { network(code: $code) { members(first: 100, after: $after) { edges { node { ${memberFields} } } pageInfo { hasNextPage endCursor } } } }`,
        { code: network, after },
        admin,
      ),
    );
    const page = data.network.members;
    members.push(...page.edges.map((e: { node: unknown }) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return members;
}

function exportUrl(network: string, form?: string) {
  return `${stack.gatewayUrl.replace(/\/graphql$/, '')}/export/members.csv?network=${network}${form ? `&form=${form}` : ''}`;
}

const header = 'Name,Straße,PLZ,Ort,Webseite,Mitarbeiter,Verfahren,Werkstoffe,Zertifikate,Leistungen,Ansprechpartner,Funktion,E-Mail,Telefon,Bemerkung';
const goodRows = [
  'Fräswerk Nord GmbH,Industriestraße 4,37269,Eschwege,https://fraeswerk.example,120,"3.2.3 Fräsen; 3.2.1 Drehen","42CrMo4, 1.4301",ISO 9001 bis 2030-06-30,"Fräsen | 3.2.3 | 5-Achs bis 800 mm",Anna Schmidt,Vertrieb,anna@fraeswerk.example,+49 5651 12345,Stammkunde',
  'Blechform Werra KG,,37213,Witzenhausen,,45,2.4.1,S235JR,,,,,info@blechform.example,,',
  'Gießerei Meißner AG,Hüttenweg 1,37290,Meißner,,310,1.1,EN AC-42100,"IATF 16949 Nr. Q-4711 bis 31.12.2029",,"Bernd Kurz\nCarla Lang","\nEinkauf",b.kurz@giesserei.example,,',
  'Schweißtechnik Sontra,Am Markt 2,36205,Sontra,,,4.6.2,,,,,,,,',
];
// Row 3 (a bad postal code and e-mail) and row 5 (a word for employees, 31 February): four errors in two rows.
const badRows = [
  goodRows[0],
  'Blechform Werra KG,,3721x,Witzenhausen,,45,2.4.1,S235JR,,,,,info(at)blechform.example,,',
  goodRows[2],
  'Schweißtechnik Sontra,Am Markt 2,36205,Sontra,,viele,4.6.2,,ISO 9001 bis 31.02.2030,,,,,,',
];
const fixedFile = `${[header, ...goodRows].join('\n')}\n`;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.token({ role: 'admin', sub: 'import-admin' });
  niweOffice = await stack.token({ role: 'office', network: 'NIWE' });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe('importMembers', () => {
  test('a file with two bad rows reports all four errors with their rows and columns, and writes nothing', async () => {
    const before = await memberCount('NIWE');
    const report = (await ok(importCsv('NIWE', [header, ...badRows].join('\n'), niweOffice))).importMembers;
    expect(report).toMatchObject({ imported: false, dryRun: false, rowCount: 4, delimiter: ',', members: [] });
    expect(report.errors.map((e: Record<string, unknown>) => [e.row, e.column, e.field, e.code])).toEqual([
      [3, 'PLZ', 'postalCode', 'BAD_USER_INPUT'],
      [3, 'E-Mail', 'contacts[0].email', 'BAD_USER_INPUT'],
      [5, 'Mitarbeiter', 'employees', 'BAD_USER_INPUT'],
      [5, 'Zertifikate', 'certifications[0].validUntil', 'BAD_USER_INPUT'],
    ]);
    expect(report.errors[2].message).toContain('"viele"');
    // Each error's reason and parameters, as the portal translates them; the ones a check has not are null.
    const none = { min: null, max: null, above: null, integer: null, other: null };
    expect(report.errors.map(({ reason, min, max, above, integer, other }: Record<string, unknown>) => ({ reason, min, max, above, integer, other }))).toEqual([
      { ...none, reason: 'POSTAL_CODE' },
      { ...none, reason: 'EMAIL' },
      { ...none, reason: 'NUMBER', integer: true },
      { ...none, reason: 'DATE' },
    ]);
    expect(report.columns.find((c: { header: string }) => c.header === 'Bemerkung')).toEqual({ header: 'Bemerkung', field: null });
    expect(await memberCount('NIWE')).toBe(before);
  });

  test('a dry run of the fixed file reports no error and writes nothing; the import then writes every row', async () => {
    const before = await memberCount('NIWE');
    const dry = (await ok(importCsv('NIWE', fixedFile, niweOffice, { dryRun: true }))).importMembers;
    expect(dry).toMatchObject({ imported: false, dryRun: true, rowCount: 4, errors: [], members: [] });
    expect(await memberCount('NIWE')).toBe(before);

    const report = (await ok(importCsv('NIWE', fixedFile, niweOffice))).importMembers;
    expect(report).toMatchObject({ imported: true, rowCount: 4, errors: [] });
    expect(report.members.map((m: { name: string }) => m.name)).toEqual([
      'Fräswerk Nord GmbH',
      'Blechform Werra KG',
      'Gießerei Meißner AG',
      'Schweißtechnik Sontra',
    ]);
    expect(await memberCount('NIWE')).toBe(before + 4);
    // Audited per member and as a whole, newest first: the whole names the members it created.
    const audit = await ok(stack.query(`{ auditLog(network: NIWE, first: 5) { entries { action target after } } }`, {}, niweOffice));
    const [whole, ...perMember] = audit.auditLog.entries;
    expect(whole).toMatchObject({ action: 'importMembers', target: 'NIWE:members' });
    expect(JSON.parse(whole.after).members.map((m: string) => `NIWE:${m}`)).toEqual(report.members.map((m: { id: string }) => m.id));
    expect(perMember.map((e: { action: string; target: string }) => [e.action, e.target])).toEqual(
      report.members.map((m: { id: string }) => ['importMembers', m.id]).reverse(),
    );
    expect(JSON.parse(perMember[3].after)).toMatchObject({ name: 'Fräswerk Nord GmbH', contacts: [{ name: 'Anna Schmidt' }] });
    const [first, second, third] = report.members.map((m: { id: string }) => m.id);
    const read = await ok(
      stack.query(
        `query($a: ID!, $b: ID!, $c: ID!) { a: member(id: $a) { ${memberFields} } b: member(id: $b) { ${memberFields} } c: member(id: $c) { ${memberFields} } }`,
        { a: first, b: second, c: third },
        admin,
      ),
    );
    expect(read.a).toMatchObject({
      street: 'Industriestraße 4',
      website: 'https://fraeswerk.example/',
      employees: 120,
      processes: [{ code: '3.2.3' }, { code: '3.2.1' }],
      // Materials by their canonical name, as createMember stores them: 1.4301 is X5CrNi18-10.
      materials: ['42CrMo4', 'X5CrNi18-10'],
      certifications: [{ standard: 'ISO 9001', number: null, validUntil: '2030-06-30' }],
      services: [{ title: 'Fräsen', description: '5-Achs bis 800 mm', processes: [{ code: '3.2.3' }] }],
      contacts: [{ name: 'Anna Schmidt', role: 'Vertrieb', email: 'anna@fraeswerk.example', phone: '+49 5651 12345' }],
    });
    // An e-mail without a contact name belongs to the company.
    expect(read.b.contacts).toEqual([{ name: 'Blechform Werra KG', role: null, email: 'info@blechform.example', phone: null }]);
    expect(read.c.certifications).toEqual([{ standard: 'IATF 16949', number: 'Q-4711', validUntil: '2029-12-31' }]);
    expect(read.c.contacts).toEqual([
      { name: 'Bernd Kurz', role: null, email: 'b.kurz@giesserei.example', phone: null },
      { name: 'Carla Lang', role: 'Einkauf', email: null, phone: null },
    ]);
  });

  test('the same members again, or twice in one file, are CONFLICT at their rows', async () => {
    const twice = `${[header, goodRows[0], goodRows[0].replace('Fräswerk Nord GmbH', 'Neue Dreherei'), goodRows[0].replace('Fräswerk Nord GmbH', 'Neue Dreherei')].join('\n')}`;
    const report = (await ok(importCsv('NIWE', twice, niweOffice, { dryRun: true }))).importMembers;
    expect(report.errors.map((e: Record<string, unknown>) => [e.row, e.column, e.code])).toEqual([
      [2, 'Name', 'CONFLICT'],
      [4, 'Name', 'CONFLICT'],
    ]);
    expect(report.errors[0].message).toMatch(/already member m-\d+/);
    expect(report.errors[1].message).toContain('in row 3');
    // What each repeats, for the portal to say in German: the network's member (its id and name), the row above.
    const existingId = `NIWE:${/already member (m-\d+)/.exec(report.errors[0].message)![1]}`;
    expect(report.errors.map((e: Record<string, unknown>) => [e.duplicateRow, e.existingMember])).toEqual([
      [null, { id: existingId, name: 'Fräswerk Nord GmbH' }],
      [3, null],
    ]);
  });

  test('skipExisting: an edited export imports its new rows and skips (and counts) those whose member the network has', async () => {
    // Re-importing an edited export refused every member it already had, so its new rows could not be added (the probe).
    const before = await memberCount('NIWE');
    const edited = [
      header,
      goodRows[0].replace('+49 5651 12345', '+49 5651 99999'),
      // A skipped row's other errors stop nothing: it is not written.
      goodRows[1].replace('info@blechform.example', 'info(at)blechform.example'),
      'Neuzugang Werra GmbH,,37269,Eschwege,,12,,,,,,,,,',
      'Neuzugang Werra GmbH,,37269,Eschwege,,12,,,,,,,,,',
    ].join('\n');
    const refused = (await ok(importCsv('NIWE', edited, niweOffice, { dryRun: true }))).importMembers;
    expect(refused.errors.map((e: Record<string, unknown>) => [e.row, e.code])).toEqual([
      [2, 'CONFLICT'],
      [3, 'BAD_USER_INPUT'],
      [3, 'CONFLICT'],
      [5, 'CONFLICT'],
    ]);
    expect(refused.skipped).toBe(0);
    const dry = (await ok(importCsv('NIWE', edited, niweOffice, { dryRun: true, skipExisting: true }))).importMembers;
    // The row the file lists twice is still refused.
    expect(dry).toMatchObject({ imported: false, skipped: 2, errors: [{ row: 5, code: 'CONFLICT', reason: 'EXISTS', duplicateRow: 4 }] });
    // An existing member the file lists twice: the first row skipped, the second refused as its duplicate (both were
    // skipped, the file's repetition unnoticed).
    const listedTwice = (await ok(importCsv('NIWE', [header, goodRows[0], goodRows[0]].join('\n'), niweOffice, { dryRun: true, skipExisting: true })))
      .importMembers;
    expect(listedTwice).toMatchObject({
      imported: false,
      skipped: 1,
      errors: [{ row: 3, code: 'CONFLICT', reason: 'EXISTS', duplicateRow: 2, existingMember: null }],
    });
    expect(listedTwice.errors).toHaveLength(1);
    const fixed = edited.split('\n').slice(0, -1).join('\n');
    const report = (await ok(importCsv('NIWE', fixed, niweOffice, { skipExisting: true, key: 'skip-existing-1' }))).importMembers;
    expect(report).toMatchObject({ imported: true, rowCount: 3, skipped: 2, errors: [], members: [{ name: 'Neuzugang Werra GmbH' }] });
    expect(await memberCount('NIWE')).toBe(before + 1);
    // A retry with its key answers the same, skipped rows included; the existing members are unchanged.
    const again = (await ok(importCsv('NIWE', fixed, niweOffice, { skipExisting: true, key: 'skip-existing-1' }))).importMembers;
    expect(again).toMatchObject({ imported: true, skipped: 2, members: report.members });
    expect(await memberCount('NIWE')).toBe(before + 1);
    const kept = await ok(stack.query('query($id: ID!) { member(id: $id) { name contacts { phone } } }', { id: refused.errors[0].existingMember.id }, admin));
    expect(kept.member).toEqual({ name: 'Fräswerk Nord GmbH', contacts: [{ phone: '+49 5651 12345' }] });
  });

  test('a network service before internal API 1.5 still imports; its duplicates lack row and member, and it cannot skip', async () => {
    const regionClients = stack.region.clients;
    const current = regionClients.get('NIWE')!;
    const old = olderNetwork(stack.networkUrls.NIWE, '1.4', /\b(skipExisting|skipped|duplicateRow|existingId)\b/, 'duplicateRow');
    const url = await listen(old.server, 0);
    regionClients.set('NIWE', new NetworkClient('NIWE', url, current.timeoutMs, stack.subgraphSecrets.niwe));
    try {
      const twice = `${[header, goodRows[0]].join('\n')}\n`;
      const report = (await ok(importCsv('NIWE', twice, niweOffice, { dryRun: true }))).importMembers;
      expect(report).toMatchObject({
        imported: false,
        skipped: 0,
        errors: [{ row: 2, code: 'CONFLICT', reason: 'EXISTS', duplicateRow: null, existingMember: null }],
      });
      expect(report.errors[0].message).toMatch(/already member m-\d+/);
      // Asked once with the new fields, refused by its schema; then region knows its version and asks without them.
      expect(old.refused()).toBe(1);
      expect((await ok(importCsv('NIWE', twice, niweOffice, { dryRun: true }))).importMembers.errors).toHaveLength(1);
      expect(old.refused()).toBe(1);
      const skipping = await importCsv('NIWE', twice, niweOffice, { dryRun: true, skipExisting: true });
      expect(skipping.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL_API_VERSION', network: 'NIWE', networkVersion: '1.4' });
      expect(skipping.errors?.[0].message).toContain('this needs 1.5');
    } finally {
      regionClients.set('NIWE', current);
      old.server.close();
    }
  });

  test("German Excel's form: BOM, sep= line, semicolons, decimal commas, 1.250 employees, a postal code without its zero, ÄÖÜß", async () => {
    const excel = [
      '\ufeffsep=;',
      'Firma;Strasse;PLZ;Stadt;Breitengrad;Längengrad;Beschäftigte;Verfahren;Werkstoffe;Zertifikate;E-Mail;Telefon',
      'Härterei Müller & Söhne;Am Großen Teich 7;1067;Dresden;51,0504;13,7373;1.250;Wärmebehandeln;42CrMo4;ISO 9001 bis 30.06.2029;"info@haerterei.example";="+49 351 4711"',
      ';;;;;;;;;;;',
      '"Öko-Kunststoff ""Ülzen"" GmbH";Straße 1;37269;Eschwege;;;15;"Fräsen, Drehen";PA66;;;',
    ].join('\r\n');
    const report = (await ok(importCsv('NIWE', excel, niweOffice))).importMembers;
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ imported: true, delimiter: ';', rowCount: 2 });
    const [haerterei, oeko] = report.members.map((m: { id: string }) => m.id);
    const read = await ok(
      stack.query(`query($a: ID!, $b: ID!) { a: member(id: $a) { ${memberFields} } b: member(id: $b) { ${memberFields} } }`, { a: haerterei, b: oeko }, admin),
    );
    expect(read.a).toMatchObject({
      name: 'Härterei Müller & Söhne',
      street: 'Am Großen Teich 7',
      postalCode: '01067',
      city: 'Dresden',
      location: { latitude: 51.0504, longitude: 13.7373 },
      employees: 1250,
      processes: [{ code: '6.2' }],
      certifications: [{ standard: 'ISO 9001', validUntil: '2029-06-30' }],
      contacts: [{ name: 'Härterei Müller & Söhne', email: 'info@haerterei.example', phone: '+49 351 4711' }],
    });
    expect(read.b).toMatchObject({ name: 'Öko-Kunststoff "Ülzen" GmbH', processes: [{ code: '3.2.3' }, { code: '3.2.1' }], materials: ['PA66'] });
    // A blank row is skipped but keeps its number, as Excel shows it: the row after it is 4.
    const broken = ['Name;PLZ;Ort;Verfahren', 'Bohrwerk;37269;Eschwege;Fräsen, Bohren, Senken, Reiben', ';;;', 'Zu breit;37269;Eschwege;;überzählig'].join(
      '\r\n',
    );
    const report2 = (await ok(importCsv('NIWE', broken, niweOffice, { dryRun: true }))).importMembers;
    expect(report2.errors.map((e: Record<string, unknown>) => [e.row, e.column, e.field, e.reason, e.max])).toEqual([
      [2, 'Verfahren', 'processes', 'UNKNOWN_PROCESS', null],
      [4, null, null, 'CELL_COUNT', 4],
    ]);
    // A certificate without its validity, a latitude that is a word, employees out of range, a member twice (CONFLICT, EXISTS).
    const more = [
      'Name,PLZ,Ort,Breitengrad,Längengrad,Mitarbeiter,Zertifikate',
      'Dreherei Ost,37269,Eschwege,nördlich,10,0,ISO 9001',
      'Dreherei Ost,37269,Eschwege,,,,',
    ].join('\n');
    const report3 = (await ok(importCsv('NIWE', more, niweOffice, { dryRun: true }))).importMembers;
    expect(report3.errors.map((e: Record<string, unknown>) => [e.row, e.column, e.field, e.code, e.reason, e.min, e.max, e.integer])).toEqual([
      [2, 'Zertifikate', 'certifications[0].validUntil', 'BAD_USER_INPUT', 'REQUIRED', null, null, null],
      [2, 'Breitengrad', 'location.latitude', 'BAD_USER_INPUT', 'NUMBER', null, null, null],
      [2, 'Mitarbeiter', 'employees', 'BAD_USER_INPUT', 'OUT_OF_RANGE', 1, 1_000_000, true],
      [3, 'Name', 'name', 'CONFLICT', 'EXISTS', null, null, null],
    ]);
  });

  test('a Windows-1252 file decoded as UTF-8 is refused with what to do', async () => {
    const res = await importCsv('NIWE', 'Name;PLZ;Ort\nH\ufffdrterei;37269;Eschwege\n', niweOffice);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(res.errors?.[0].message).toContain('CSV UTF-8');
  });

  test("the file's bytes in base64: Windows-1252 as Excel's plain CSV writes it, and UTF-8 with a BOM", async () => {
    // Windows-1252: ä ö ü ß are single bytes, the en dash is 0x96 (U+0096 in latin1's byte-per-character mapping).
    const ansi = Buffer.from('Name;PLZ;Ort\r\nBöhm \u0096 Präzisionsdreherei;37269;Eschwege\r\nStraßenbau Kühn;37213;Witzenhausen\r\n', 'latin1');
    const report = (
      await ok(
        stack.query(
          `mutation($file: String) { importMembers(network: NIWE, fileBase64: $file) { imported encoding delimiter members { name city } } }`,
          { file: ansi.toString('base64') },
          niweOffice,
        ),
      )
    ).importMembers;
    expect(report).toEqual({
      imported: true,
      encoding: 'windows-1252',
      delimiter: ';',
      members: [
        { name: 'Böhm – Präzisionsdreherei', city: 'Eschwege' },
        { name: 'Straßenbau Kühn', city: 'Witzenhausen' },
      ],
    });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name;PLZ;Ort\r\nÜberlandwerk Grün;37269;Eschwege\r\n', 'utf8')]);
    const dry = await ok(
      stack.query(
        `mutation($file: String) { importMembers(network: NIWE, fileBase64: $file, dryRun: true) { encoding rowCount errors { message } columns { header } } }`,
        { file: utf8.toString('base64') },
        niweOffice,
      ),
    );
    expect(dry.importMembers).toEqual({ encoding: 'UTF-8', rowCount: 1, errors: [], columns: [{ header: 'Name' }, { header: 'PLZ' }, { header: 'Ort' }] });
    const both = await stack.query(`mutation { importMembers(network: NIWE, csv: "Name,PLZ,Ort", fileBase64: "") { imported } }`, {}, niweOffice);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    const notBase64 = await stack.query(`mutation { importMembers(network: NIWE, fileBase64: "Name;PLZ;Ort") { imported } }`, {}, niweOffice);
    expect(notBase64.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileBase64' });
  });

  test("Excel for Mac's CSV (Mac Roman) reads its umlauts as umlauts; a line of another encoding in a UTF-8 file is named", async () => {
    // Mac Roman's ü, ä, ß are 0x9F, 0x8A, 0xA7: read as Windows-1252 they were imported as "MŸller FrŠs", "Wei§" (the CSV probe).
    const macRoman = Buffer.from([
      ...Buffer.from('Name;PLZ;Ort;Stra', 'latin1'),
      0xa7,
      ...Buffer.from('e\rM', 'latin1'),
      0x9f,
      ...Buffer.from('ller Fr', 'latin1'),
      0x8a,
      ...Buffer.from('s GmbH;99817;Eisenach;Wei', 'latin1'),
      0xa7,
      ...Buffer.from('weg 1\r', 'latin1'),
    ]);
    const dry = await ok(
      stack.query(
        `mutation($file: String) { importMembers(network: LINAT, fileBase64: $file, dryRun: true) { encoding errors { message } columns { header } } }`,
        { file: macRoman.toString('base64') },
        admin,
      ),
    );
    expect(dry.importMembers).toMatchObject({
      encoding: 'macintosh',
      errors: [],
      columns: [{ header: 'Name' }, { header: 'PLZ' }, { header: 'Ort' }, { header: 'Straße' }],
    });
    // Three UTF-8 lines and a fourth pasted from a Windows-1252 file: named at its line, not at line 1 as "decoded wrongly".
    const mixed = Buffer.concat([
      Buffer.from('Name;PLZ;Ort\nGrün GmbH;99817;Eisenach\nÖlmühle KG;99817;Eisenach\n', 'utf8'),
      Buffer.from('Weiß & Co;99974;Mühlhausen\n', 'latin1'),
    ]);
    const refused = await stack.query(
      `mutation($file: String) { importMembers(network: LINAT, fileBase64: $file, dryRun: true) { imported } }`,
      { file: mixed.toString('base64') },
      admin,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileBase64', reason: 'FILE' });
    expect(refused.errors?.[0].message).toMatch(/^Line 4 holds bytes that are not UTF-8, though the file's other lines are UTF-8/);
  });

  test('Excel\'s "Unicode-Text" (UTF-16, tabs), a mailto: address, and a name spelled without umlauts as one the network has', async () => {
    // UTF-16 read as another encoding gave a NUL in every cell; mailto: was kept as part of the address; and
    // "MUELLER" was no duplicate of "Müller" (the CSV probe).
    const unicode = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Name\tPLZ\tOrt\tE-Mail\r\nKöhler Blech GmbH\t37269\tEschwege\tmailto:Info@Koehler.example\r\n', 'utf16le'),
    ]);
    const report = (
      await ok(
        stack.query(
          `mutation($file: String) { importMembers(network: NIWE, fileBase64: $file) { imported encoding errors { message } members { id name } } }`,
          { file: unicode.toString('base64') },
          admin,
        ),
      )
    ).importMembers;
    expect(report).toMatchObject({ imported: true, encoding: 'UTF-16LE', errors: [], members: [{ name: 'Köhler Blech GmbH' }] });
    const stored = (await ok(stack.query(`query($id: ID!) { member(id: $id) { contacts { email } } }`, { id: report.members[0].id }, admin))).member;
    expect(stored.contacts).toEqual([{ email: 'Info@Koehler.example' }]);
    const again = (await ok(importCsv('NIWE', 'Name;PLZ;Ort\nKOEHLER BLECH GMBH;37269;Eschwege\n', admin, { dryRun: true }))).importMembers;
    expect(again.errors).toMatchObject([{ row: 2, code: 'CONFLICT', reason: 'EXISTS' }]);
    // The umlauts are written out, not the "e"s dropped: "Kohler" is another company than "Köhler".
    expect((await ok(importCsv('NIWE', 'Name;PLZ;Ort\nKohler Blech GmbH;37269;Eschwege\n', admin, { dryRun: true }))).importMembers.errors).toEqual([]);
  });

  test('a file without the required columns is refused naming them', async () => {
    const res = await importCsv('NIWE', 'Firma,Ort\nA GmbH,Eschwege\n', niweOffice);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(res.errors?.[0].message).toContain('PLZ (or Postleitzahl');
  });

  test("another network's office and a member are FORBIDDEN and write nothing", async () => {
    const linatOffice = await stack.token({ role: 'office', network: 'LINAT' });
    const member = await stack.token({ role: 'member', network: 'NIWE', memberId: 'NIWE:m-1' });
    const before = await memberCount('NIWE');
    for (const token of [linatOffice, member]) {
      const res = await importCsv('NIWE', fixedFile.replace(/GmbH|KG|AG/g, 'SE'), token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.importMembers ?? null).toBeNull();
    }
    const anonymous = await stack.query(importMutation, { network: 'NIWE', csv: fixedFile });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await memberCount('NIWE')).toBe(before);
  });

  test('too many rows or bytes: BAD_USER_INPUT naming the limit, nothing written', async () => {
    const before = await memberCount('NIWE');
    const rows = Array.from({ length: csvImportLimits.rows + 1 }, (_, i) => `Massenfertiger ${i},37269,Eschwege`);
    const many = await importCsv('NIWE', `Name,PLZ,Ort\n${rows.join('\n')}\n`, niweOffice);
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', limit: 'rows', max: 1000, actual: 1001 });
    expect(many.errors?.[0].message).toContain('at most 1000');
    const large = await importCsv('NIWE', `Name,PLZ,Ort,Beschreibung\nA,37269,Eschwege,${'x'.repeat(csvImportLimits.bytes)}\n`, niweOffice);
    expect(large.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', limit: 'bytes', max: csvImportLimits.bytes });
    expect(await memberCount('NIWE')).toBe(before);
  });

  test('a retry with the same idempotencyKey answers the first import and writes nothing; the key with another file is CONFLICT', async () => {
    const file = `Name,PLZ,Ort\nWiederholer Eins,37269,Eschwege\nWiederholer Zwei,37269,Eschwege\n`;
    const first = (await ok(importCsv('NIWE', file, niweOffice, { key: 'import-retry-1' }))).importMembers;
    expect(first.imported).toBe(true);
    const count = await memberCount('NIWE');
    const again = (await ok(importCsv('NIWE', file, niweOffice, { key: 'import-retry-1' }))).importMembers;
    expect(again).toMatchObject({ imported: true, errors: [] });
    expect(again.members).toEqual(first.members);
    expect(await memberCount('NIWE')).toBe(count);
    const other = await importCsv('NIWE', file.replace('Zwei', 'Drei'), niweOffice, { key: 'import-retry-1' });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  test('an import waits for another of its network: a member written meanwhile is a duplicate of its row, not written twice', async () => {
    // Two imports of one file at once each looked for existing members before the other had written: both wrote every
    // row (the CSV probe). Held here as another import holds it, the lock keeps this one waiting; what was written
    // meanwhile is then found.
    const holder = new pg.Client({ connectionString: stack.networks.get('NIWE')!.orm.config.get('clientUrl') });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtext('irm member import'))`);
      const importing = importCsv('NIWE', 'Name;PLZ;Ort\nWartend Zerspanung GmbH;37269;Eschwege\n', niweOffice, { key: 'waits-for-another' });
      await until(
        async () =>
          (await holder.query(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'`)).rows[0].n > 0,
        'the import waits for the lock',
      );
      await ok(
        stack.query(
          `mutation { createMember(network: NIWE, input: { name: "Wartend Zerspanung GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`,
          {},
          admin,
        ),
      );
      await holder.query('commit');
      const report = (await ok(importing)).importMembers;
      expect(report).toMatchObject({ imported: false, errors: [{ row: 2, code: 'CONFLICT', reason: 'EXISTS' }] });
    } finally {
      await holder.end();
    }
  });

  test('SQL statements of an import do not grow with its rows (batch inserts)', async () => {
    const niwe = stack.networks.get('NIWE')!;
    const file = (n: number, prefix: string) =>
      `${[
        'Name,PLZ,Ort,Verfahren,Zertifikate,Leistungen,Ansprechpartner,E-Mail',
        ...Array.from(
          { length: n },
          (_, i) => `${prefix} ${i} GmbH,37269,Eschwege,3.2.3,ISO 9001 bis 2030-01-01,Fräsen | 3.2.3,Kontakt ${i},k${i}@serie.example`,
        ),
      ].join('\n')}\n`;
    const counts: number[] = [];
    for (const [n, prefix] of [
      [5, 'Kleinserie'],
      [200, 'Großserie'],
    ] as const) {
      const before = niwe.sql.count;
      // Only the ids, which region answers: a member's name would be read at NIWE after the import.
      const report = await ok(
        stack.query(
          `mutation($csv: String!, $key: String) { importMembers(network: NIWE, csv: $csv, idempotencyKey: $key) { imported members { id } } }`,
          { csv: file(n, prefix), key: `count-${n}` },
          niweOffice,
        ),
      );
      expect(report.importMembers.members).toHaveLength(n);
      counts.push(niwe.sql.count - before);
    }
    // begin, idempotency lock and lookup, the network's import lock, the postal codes' namesake locks (one statement
    // for all), the duplicate check, one insert each for members, certificates, services, contacts and audit entries,
    // the key and its purge, commit: 14 whether 5 rows or 200. MikroORM sends up to 300 rows a statement, so an import
    // of N members with L list entries of a kind at most makes 9 + 5 × ceil(max(N + 1, L) / 300) statements.
    expect(counts).toEqual([14, 14]);
  });
});

describe('GET /export/members.csv', () => {
  test('exports in both forms; each imports into an empty network as the same members', async () => {
    const niweMembers = await membersOf('NIWE');
    expect(niweMembers.length).toBeGreaterThan(200);
    // Round trips of the richest members: the first import's and the Excel one's, with a description of two lines starting with a dash.
    const descriptive = (
      await ok(importCsv('NIWE', `Name,PLZ,Ort,Beschreibung\nZeilenwerk,37269,Eschwege,"- Fräsen\n- Drehen; auch ""Eilaufträge"""\n`, admin))
    ).importMembers;
    expect(descriptive.imported).toBe(true);
    const source = await membersOf('NIWE');

    for (const [form, target] of [
      ['excel', 'LINAT'],
      ['utf8', 'KONAT'],
    ] as const) {
      const res = await fetch(exportUrl('NIWE', form), { headers: { authorization: `Bearer ${niweOffice}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      if (form === 'excel') {
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(text).toMatch(/^\ufeffName;Straße;PLZ;Ort;Breitengrad;Längengrad;/);
        // The postal code as Excel keeps its leading zero (="01067", quoted for CSV), decimal commas.
        expect(text).toContain(';"=""01067""";Dresden;51,0504;13,7373;');
      } else {
        expect(text).toMatch(/^Name,Straße,PLZ,Ort,/);
      }
      expect(await memberCount(target)).toBe(0);
      const report = (await ok(importCsv(target, text, admin))).importMembers;
      expect(report.errors).toEqual([]);
      expect(report.members).toHaveLength(source.length);
      expect(await membersOf(target)).toEqual(source);
    }
  });

  test('anonymous callers get no contact persons; a bad network or form is BAD_USER_INPUT', async () => {
    const anonymous = await (await fetch(exportUrl('NIWE'))).text();
    expect(anonymous).toContain('Fräswerk Nord GmbH');
    expect(anonymous).not.toContain('anna@fraeswerk.example');
    const origin = stack.gatewayUrl.replace(/\/graphql$/, '');
    for (const [url, field, reason] of [
      [exportUrl('NOPE'), 'network', 'NOT_APPLICABLE'],
      [`${origin}/export/members.csv`, 'network', 'REQUIRED'],
      [exportUrl('NIWE', 'xlsx'), 'form', 'NOT_APPLICABLE'],
    ]) {
      const res = await fetch(url);
      expect(res.status).toBe(400);
      const { message, extensions } = ((await res.json()) as { errors: { message: string; extensions: Record<string, string> }[] }).errors[0];
      expect(extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      expect(message).toMatch(new RegExp(`^${field} `));
    }
  });
});

describe('an import of the largest file', () => {
  test(`${csvImportLimits.rows} members with their lists are written once, also when a retry with the key is needed`, async () => {
    const rows = Array.from(
      { length: csvImportLimits.rows },
      (_, i) =>
        `Zulieferer ${i} GmbH,Industriestraße ${i},37269,Eschwege,120,"3.2.3; 3.2.1","42CrMo4, 1.4301",ISO 9001 bis 2030-06-30,"Fräsen | 3.2.3\nDrehen | 3.2.1",Anna ${i},Vertrieb,anna${i}@zulieferer.example,+49 5651 12345`,
    );
    const csv = `Name,Straße,PLZ,Ort,Mitarbeiter,Verfahren,Werkstoffe,Zertifikate,Leistungen,Ansprechpartner,Funktion,E-Mail,Telefon\n${rows.join('\n')}\n`;
    const before = await memberCount('LINAT');
    // Region gives the network 8 s for an import (2.6 s on a quiet machine); on a busy one the answer may come later,
    // and region then says the outcome is UNKNOWN: the client retries with its key, as README advises.
    let res: GraphQLResponse = { status: 0 };
    for (let attempt = 0; attempt < 5; attempt++) {
      res = await stack.query(
        `mutation($csv: String!) { importMembers(network: LINAT, csv: $csv, idempotencyKey: "largest") { imported rowCount } }`,
        { csv },
        admin,
      );
      if (res.errors?.[0].extensions?.writeOutcome !== 'UNKNOWN') break;
    }
    const report = await ok(res);
    expect(report.importMembers).toEqual({ imported: true, rowCount: csvImportLimits.rows });
    expect(await memberCount('LINAT')).toBe(before + csvImportLimits.rows);
  });
});
