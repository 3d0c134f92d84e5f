import { describe, expect, test } from 'vitest';
import { GraphQLError } from 'graphql';
import { toCsv } from '../gateway/exports.ts';
import { csvCell, csvImportLimits, decodeMembersFile, type ExportedMember, excelText, formulaSafe, membersCsv, parseMembersCsv } from '../shared/member-csv.ts';

// The members file as offices keep it (shared/member-csv.ts): how cells are read, and that what the export
// writes reads back as the same member in both forms. test/member-import.e2e.ts runs it through the graph.

const rich: ExportedMember = {
  name: 'Öko-Kunststoff "Ülzen" GmbH',
  street: 'Am Großen Teich 7',
  postalCode: '01067',
  city: 'Dresden',
  location: { latitude: 51.0504, longitude: -3.5 },
  website: 'https://oeko.example/',
  employees: 1250,
  description: '- Spritzguss; Extrusion\n- Montage, "just in time"',
  processes: [
    { code: '3.2.2', name: 'Bohren, Senken, Reiben' },
    { code: '1.2', name: 'Urformen aus dem plastischen Zustand (Spritzgießen, Extrudieren)' },
  ],
  materials: ['PA66', 'X5CrNi18-10'],
  certifications: [
    { standard: 'IATF 16949', number: 'Q-4711', validUntil: '2029-12-31' },
    { standard: 'ISO 9001', number: null, validUntil: '2030-06-30' },
  ],
  services: [
    { title: 'Spritzguss', description: 'bis 500 t | zweifarbig', processes: [{ code: '1.2' }] },
    { title: 'Bohren', description: null, processes: [] },
    { title: 'Beratung', description: 'vor Ort', processes: [] },
  ],
  contacts: [
    { name: 'Anna Schmidt', role: null, email: 'anna@oeko.example', phone: '+49 351 4711' },
    { name: 'Bernd Kurz', role: 'Einkauf', email: null, phone: null },
  ],
};

/** The member as the import reads it back: the export's member in input form. */
function asInput(m: ExportedMember) {
  return {
    name: m.name,
    street: m.street,
    postalCode: m.postalCode,
    city: m.city,
    ...(m.location && { location: m.location }),
    website: m.website,
    employees: m.employees,
    description: m.description,
    processes: m.processes.map((p) => p.code),
    materials: m.materials,
    certifications: m.certifications,
    services: m.services.map((s) => ({ title: s.title, description: s.description, processes: s.processes.map((p) => p.code) })),
    contacts: m.contacts,
  };
}

/** The extensions of the GraphQLError `run` throws. */
function extensionsOf(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return { ...error.extensions };
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('members CSV', () => {
  test.each(['UTF8', 'EXCEL'] as const)('what the %s export writes reads back as the same member', (form) => {
    const plain: ExportedMember = {
      ...rich,
      name: 'Schlicht GmbH',
      postalCode: '37269',
      location: null,
      processes: [],
      services: [],
      contacts: [],
      certifications: [],
    };
    const file = parseMembersCsv(membersCsv([rich, plain], form));
    expect(file.delimiter).toBe(form === 'EXCEL' ? ';' : ',');
    expect(file.rows.map((r) => r.errors)).toEqual([[], []]);
    expect(file.rows.map((r) => r.member)).toEqual([asInput(rich), asInput(plain)]);
  });

  test('a text that a spreadsheet would run as a formula is written inert in the UTF-8 form and reads back as it was', () => {
    const sly: ExportedMember = { ...rich, name: '@Werkzeugbau', description: '=HYPERLINK("http://example.invalid","Katalog")', street: '-Weg 3' };
    // A text that itself starts with an apostrophe before such a sign comes back whole too.
    const quoted: ExportedMember = { ...rich, name: 'Toleranz GmbH', description: "'+/-' Toleranz 0,1 mm" };
    const text = membersCsv([sly], 'UTF8');
    expect(text).toContain(`'@Werkzeugbau,`);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""Katalog"")"`);
    expect(text).toContain(`,'-Weg 3,`);
    expect(text).toContain(`"'+49 351 4711`);
    // Numbers stay numbers.
    expect(formulaSafe('-3.5')).toBe('-3.5');
    expect(formulaSafe('+12')).toBe('+12');
    expect(formulaSafe('\tcmd')).toBe("'\tcmd");
    const twice: ExportedMember = { ...rich, name: 'Zweimal GmbH', description: "''=x" };
    for (const form of ['UTF8', 'EXCEL'] as const) {
      const file = parseMembersCsv(membersCsv([sly, quoted, twice], form));
      expect(file.rows.map((r) => r.member)).toEqual([asInput(sly), asInput(quoted), asInput(twice)]);
    }
  });

  test("the gateway's CSV downloads write a text cell that starts like a formula inert, numbers as they are", () => {
    const csv = toCsv([{ name: '=1+1', products: '@SUM(A1)', balance: -12, note: 'a\rb' }], ['name', 'products', 'balance', 'note']);
    expect(csv).toBe(`name,products,balance,note\n'=1+1,'@SUM(A1),-12,"a\rb"\n`);
  });

  test('the Excel form starts with a BOM, separates by semicolons and writes decimal commas, leading zeros and + as ="…"', () => {
    const text = membersCsv([rich], 'EXCEL');
    expect(text.startsWith('\ufeffName;Straße;PLZ;Ort;')).toBe(true);
    // A coordinate is a number, a negative one too (it was kept text as ="-3,5", unlike every other export's numbers).
    expect(text).toContain(';"=""01067""";Dresden;51,0504;-3,5;');
    expect(text).toContain('"=""+49 351 4711');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  test('in the Excel form a text Excel would take for a number or date stays text, and a long one starting with a dash reads back', () => {
    // 036511234567 became 3,65112E+10 and 12.03. a date when opened and saved (the CSV probe); a ="…" over 255
    // characters Excel cannot hold.
    const listed = `- ${'Fräsen und Drehen von Wellen, '.repeat(10)}\n- Montage`;
    const odd: ExportedMember = {
      ...rich,
      name: 'Zahlenwerk GmbH',
      street: '12.03.',
      description: listed,
      contacts: [{ name: 'Carla Zahl', role: null, email: null, phone: '036511234567' }],
    };
    const text = membersCsv([odd], 'EXCEL');
    expect(text).toContain('Zahlenwerk GmbH;"=""12.03.""";');
    expect(text).toContain('"=""036511234567"""');
    expect(text).toContain(';" - Fräsen und Drehen');
    // The numbers Excel is to count stay numbers.
    expect(text).toContain(';1250;');
    expect(parseMembersCsv(text).rows[0].member).toMatchObject({ street: '12.03.', description: listed, contacts: [{ phone: '036511234567' }] });
  });

  test('a file is read in its encoding: Windows-1252 with typographic quotes or Czech letters, Mac Roman with capitals', () => {
    // „Weiß“ in Windows-1252 holds bytes that are valid UTF-8 of another script (it was refused as a mixed file), and
    // one Škoda beside € prices turned a Windows-1252 file into Mac Roman (M¸ller); the review.
    const bytes = (text: string, map: Record<string, number>) => Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
    const windows = { '„': 0x84, '“': 0x93, '€': 0x80, '…': 0x85, Š: 0x8a };
    const mac = { ü: 0x9f, ä: 0x8a, ß: 0xa7, Ä: 0x80, Ö: 0x85, '“': 0xd2, '”': 0xd3 };
    const read = (buffer: Buffer) => {
      const { text, encoding } = decodeMembersFile(buffer.toString('base64'));
      return [encoding, text.split(/\r?\n|\r/)[1]];
    };
    expect(read(bytes('Name;PLZ;Ort\nInhaber „Weiß“ Guß…;37269;Eschwege\n', windows))).toEqual(['windows-1252', 'Inhaber „Weiß“ Guß…;37269;Eschwege']);
    expect(read(bytes('Name;PLZ;Ort\nAutohaus Škoda Müller 89 €;07545;Gera\n', windows))).toEqual(['windows-1252', 'Autohaus Škoda Müller 89 €;07545;Gera']);
    expect(read(bytes('Name;PLZ;Ort\nAutohaus Škoda;07545;Gera\n', windows))).toEqual(['windows-1252', 'Autohaus Škoda;07545;Gera']);
    expect(read(bytes('Name;PLZ;Ort\r“ÖKO” ÄRZTE Müller Weiß;99817;Eisenach\r', mac))).toEqual(['macintosh', '“ÖKO” ÄRZTE Müller Weiß;99817;Eisenach']);
  });

  test('in the Excel form a text German Excel converts on opening stays text; ordinary words stay as they are', () => {
    // 2E5 became 200000, 50 % the number 0,5, Mai 2025 and 12. Mai dates, WAHR a truth value (the probe).
    const converted = [
      '2E5',
      '1,5e-3',
      '50 %',
      '12,5%',
      'Mai 2025',
      '12. Mai',
      '12. Mai 2025',
      '3. Okt.',
      'Sept 2026',
      '1-Jan-25',
      'WAHR',
      'falsch',
      'TRUE',
      'False',
      '100 €',
      '1.000,50€',
      '€ 100',
    ];
    expect(converted.map((text) => excelText(text))).toEqual(converted.map((text) => `="${text}"`));
    const words = [
      'Mai',
      'Maier GmbH',
      'Am 1. Mai 3',
      'Wahrzeichen',
      'Falschgeld',
      'E5',
      '2E',
      'Prozent',
      '50 % Rabatt',
      'Juli-Werke',
      'August Müller',
      'Dezember GmbH',
      'Preis 100 €',
    ];
    expect(words.map((text) => excelText(text))).toEqual(words);
    // A text longer than any Excel converts is tried by no pattern, which backtracked over a long run of digits
    // (20 s for 100,000 digits and a letter, the review): 50 digits before a % stay as they are.
    const long = `${'1'.repeat(50)} %`;
    expect(excelText(long)).toBe(long);
    // In the member export, and read back as written.
    const odd: ExportedMember = { ...rich, name: 'WAHR', street: '12. Mai', city: 'Mai 2025', description: '2E5', materials: ['50 %'] };
    const text = membersCsv([odd], 'EXCEL');
    expect(text).toContain('\r\n"=""WAHR""";"=""12. Mai""";"=""01067""";"=""Mai 2025""";');
    expect(parseMembersCsv(text).rows[0].member).toMatchObject({ name: 'WAHR', street: '12. Mai', city: 'Mai 2025', description: '2E5', materials: ['50 %'] });
    // And in the other downloads.
    expect(toCsv([{ a: '2E5', b: '50 %', c: 'Mai 2025', d: 'FALSCH', e: 'Messe' }], ['a', 'b', 'c', 'd', 'e'], 'EXCEL')).toBe(
      '\ufeffa;b;c;d;e\r\n"=""2E5""";"=""50 %""";"=""Mai 2025""";"=""FALSCH""";Messe\r\n',
    );
  });

  test('every export writes a cell by one rule (csvCell): the member list and the other downloads alike', () => {
    const values = ['Härterei; Müller', '036511234567', '=1+1', '2E5', 'WAHR', 'a "b"', 'Zeile 1\nZeile 2', 12.5, -6, null];
    for (const form of ['UTF8', 'EXCEL'] as const) {
      const delimiter = form === 'EXCEL' ? ';' : ',';
      const newline = form === 'EXCEL' ? '\r\n' : '\n';
      const row = Object.fromEntries(values.map((value, i) => [`c${i}`, value]));
      const written = toCsv([row], Object.keys(row), form);
      expect(written.slice(written.indexOf(newline) + newline.length)).toBe(`${values.map((value) => csvCell(value, form)).join(delimiter)}${newline}`);
      // The member list's text cells (Straße, one line) and numbers (Mitarbeiter) by the same rule.
      for (const value of values.filter((v): v is string => typeof v === 'string' && !v.includes('\n'))) {
        const file = membersCsv([{ ...rich, name: 'Regel GmbH', street: value }], form);
        expect(file.slice(file.indexOf(newline) + newline.length), `${form} ${value}`).toMatch(
          new RegExp(`^Regel GmbH${delimiter}${csvCell(value, form).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${delimiter}`),
        );
      }
      expect(membersCsv([rich], form)).toContain(`${delimiter}${csvCell(1250, form)}${delimiter}`);
    }
    expect(csvCell(12.5, 'EXCEL')).toBe('12,5');
    expect(csvCell('2E5', 'UTF8')).toBe('2E5');
  });

  test("toCsv's Excel form: numbers with a decimal comma, a text of digits kept text", () => {
    // A phone 036511234567 and a process group 3.2 were written as numbers, 3,65112E+10 and 3,2 (the review).
    const csv = toCsv([{ phone: '036511234567', system: '3.2', hours: 12.5, total: -6 }], ['phone', 'system', 'hours', 'total'], 'EXCEL');
    expect(csv).toBe('\ufeffphone;system;hours;total\r\n"=""036511234567""";"=""3.2""";12,5;-6\r\n');
  });

  test('a name, street or town broken over lines in its cell reads as one line (a one-line text refuses a line break)', () => {
    const file = parseMembersCsv('Firma;Straße;PLZ;Ort\n"Dreherei\nWerra GmbH";"Am Anger 3\r\nHinterhaus";37269;"Esch-\nwege"\n');
    expect(file.rows[0].member).toMatchObject({ name: 'Dreherei Werra GmbH', street: 'Am Anger 3, Hinterhaus', city: 'Esch- wege' });
  });

  test('headers are matched without case, umlauts, spaces or dashes; unknown ones are kept out; a blank row keeps its number', () => {
    const file = parseMembersCsv('FIRMA;strasse;Post-Leit-Zahl;ort;E Mail;Notiz\nA GmbH;Weg 1;37269;Eschwege;a@a.example;x\n;;;;;\nB GmbH;;37269;Eschwege;;\n');
    expect(file.columns.map((c) => c.field)).toEqual(['name', 'street', 'postalCode', 'city', 'contacts.email', null]);
    expect(file.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(file.rows[0].member.contacts).toEqual([{ name: 'A GmbH', role: null, email: 'a@a.example', phone: null }]);
  });

  test('cells offices write: 4-digit postal codes, grouped employees, German dates, process names, certificates without a date', () => {
    const file = parseMembersCsv(
      'Name,PLZ,Ort,Mitarbeiter,Verfahren,Zertifikate\n' +
        'A,1067,Dresden,1.250,"Fräsen, Drehen","ISO 9001 bis 1.7.2027; TISAX Nr. 7 until 2028-01-31"\n' +
        'B,37269,Eschwege,12 Leute,3.2.3 Fräsen; 6.2,ISO 9001\n',
    );
    const [a, b] = file.rows;
    expect(a.member).toMatchObject({ postalCode: '01067', employees: 1250, processes: ['3.2.3', '3.2.1'] });
    expect(a.member.certifications).toEqual([
      { standard: 'ISO 9001', number: null, validUntil: '2027-07-01' },
      { standard: 'TISAX', number: '7', validUntil: '2028-01-31' },
    ]);
    expect(b.member.processes).toEqual(['3.2.3', '6.2']);
    expect(b.errors.map((e) => [e.field, e.reason])).toEqual([
      ['employees', { reason: 'NUMBER', integer: true }],
      ['certifications[0].validUntil', { reason: 'REQUIRED' }],
    ]);
    expect(file.columnOf('certifications[0].validUntil')).toBe('Zertifikate');
    expect(file.columnOf('contacts[2].email')).toBe(null);
  });

  test('a process code counts only where it leads its item: a number inside a name is no code', () => {
    const file = parseMembersCsv(
      'Name,PLZ,Ort,Verfahren\nA,37269,Eschwege,Fräsen bis 5 Achsen\nB,37269,Eschwege,"3.2.3 Fräsen, 3.2.1 Drehen"\nC,37269,Eschwege,"3.2.3 Fräsen, 5 Achsen"\n',
    );
    // Read as code 5 (coating) before; kept as written, the validation names it as no known process.
    expect(file.rows.map((r) => r.member.processes)).toEqual([['Fräsen bis 5 Achsen'], ['3.2.3', '3.2.1'], ['3.2.3']]);
  });

  test('a cell that cannot be read, a coordinate without the other and a row wider than the header name their reason', () => {
    const file = parseMembersCsv('Name;PLZ;Ort;Breitengrad;Längengrad\nA;37269;Eschwege;51,2;Osten\nB;37269;Eschwege;x;;;zu viel\n');
    expect(file.rows.map((r) => r.errors.map((e) => [e.field, e.reason]))).toEqual([
      [['location.longitude', { reason: 'NUMBER' }]],
      [
        [null, { reason: 'CELL_COUNT', max: 5 }],
        ['location.latitude', { reason: 'NUMBER' }],
        ['location.longitude', { reason: 'REQUIRED' }],
      ],
    ]);
  });

  test('a file is refused as a whole for a missing column, a column twice, or text decoded with the wrong encoding', () => {
    expect(() => parseMembersCsv('Name,Ort\nA,B\n')).toThrow(/missing: PLZ \(or Postleitzahl/);
    expect(() => parseMembersCsv('Name,PLZ,Ort,Firma\n')).toThrow('Columns "Name" and "Firma" both give name; keep one of them.');
    expect(() => parseMembersCsv('Name,PLZ,Ort\nH\ufffdrterei,37269,Eschwege\n')).toThrow(/Line 2 contains/);
    expect(() => parseMembersCsv('Name,PLZ,Ort\nHÃ¤rterei,37269,Eschwege\n')).toThrow(/decoded as Windows-1252/);
  });

  test('a file refused as a whole says what it names in its extensions: the two columns, the line and cause, the missing columns', () => {
    // The portal's import page showed the server's English beside its German for want of these (the probe).
    expect(extensionsOf(() => parseMembersCsv('Name,PLZ,Ort,Firma\n'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'csv',
      reason: 'DUPLICATE',
      columns: ['Name', 'Firma'],
      fills: 'name',
    });
    expect(extensionsOf(() => parseMembersCsv('Name,PLZ,Ort\nA,37269,Eschwege\nH\ufffdrterei,37269,Eschwege\n'))).toMatchObject({
      reason: 'FILE',
      cause: 'NOT_UTF8',
      line: 3,
      found: '\ufffd',
    });
    expect(extensionsOf(() => parseMembersCsv('Name,PLZ,Ort\nHÃ¤rterei,37269,Eschwege\n'))).toMatchObject({
      reason: 'FILE',
      cause: 'UTF8_AS_WINDOWS_1252',
      line: 2,
      found: 'Ã¤',
    });
    expect(extensionsOf(() => parseMembersCsv('Firma,Ort\nA,B\n'))).toMatchObject({ reason: 'FILE', cause: 'MISSING_COLUMNS', missing: ['PLZ'] });
    expect(extensionsOf(() => parseMembersCsv(' ; \n'))).toMatchObject({ reason: 'FILE', cause: 'EMPTY' });
    // A quote opened in line 3 and never closed: csv-parse stopped at the file's end, line 5.
    const unclosed = extensionsOf(() => parseMembersCsv('Name;PLZ;Ort\nA;37269;Eschwege\n"B;37269;Eschwege\nC;37269;Eschwege\n'));
    expect(unclosed).toMatchObject({ reason: 'FILE', cause: 'QUOTE_NOT_CLOSED', line: 3 });
    const mixed = Buffer.concat([Buffer.from('Name;PLZ;Ort\nGrün GmbH;99817;Eisenach\n', 'utf8'), Buffer.from('Weiß & Co;99974;Mühlhausen\n', 'latin1')]);
    expect(extensionsOf(() => decodeMembersFile(mixed.toString('base64')))).toMatchObject({ reason: 'FILE', cause: 'MIXED_ENCODING', line: 3 });
  });

  test('a file with CR-only line ends (old Mac) numbers its lines as an editor does', () => {
    // Counted by LF alone, every line of such a file was line 1 (the probe).
    expect(extensionsOf(() => parseMembersCsv('Name;PLZ;Ort\rA;37269;Eschwege\rHÃ¤rterei;37269;Eschwege\r'))).toMatchObject({ line: 3 });
    expect(extensionsOf(() => parseMembersCsv('Name;PLZ;Ort\rA;37269;Eschwege\r\rH\ufffdrterei;37269;Eschwege\r'))).toMatchObject({ line: 4 });
    expect(extensionsOf(() => parseMembersCsv('sep=;\rName;PLZ;Ort\rA;37269;Eschwege\r"B;37269;Eschwege\r'))).toMatchObject({
      cause: 'QUOTE_NOT_CLOSED',
      line: 4,
    });
    const mixed = Buffer.concat([
      Buffer.from('Name;PLZ;Ort\rGrün GmbH;99817;Eisenach\rÖl KG;99817;Eisenach\r', 'utf8'),
      Buffer.from('Weiß;99974;Mühlhausen\r', 'latin1'),
    ]);
    expect(extensionsOf(() => decodeMembersFile(mixed.toString('base64')))).toMatchObject({ cause: 'MIXED_ENCODING', line: 4 });
    // A sep= line ended by a CR alone is Excel's too: the header after it stays the header.
    const file = parseMembersCsv('sep=;\rName;PLZ;Ort\rA GmbH;37269;Eschwege\r');
    expect([file.delimiter, file.columns.map((c) => c.header), file.rows.map((r) => [r.row, r.member.name])]).toEqual([
      ';',
      ['Name', 'PLZ', 'Ort'],
      [[2, 'A GmbH']],
    ]);
  });
});

describe('members file as bytes', () => {
  test('valid UTF-8 is read as UTF-8 (its BOM dropped), anything else as Windows-1252; too many bytes and bad base64 are refused', () => {
    const utf8 = Buffer.from('\ufeffName;PLZ;Ort\nGrün AG;37269;Eschwege\n', 'utf8');
    expect(decodeMembersFile(utf8.toString('base64'))).toEqual({ text: 'Name;PLZ;Ort\nGrün AG;37269;Eschwege\n', encoding: 'UTF-8', bytes: utf8.length });
    const ansi = Buffer.from('Name;PLZ;Ort\nGr\u00fcn \u0080 AG;37269;Eschwege\n', 'latin1');
    expect(decodeMembersFile(ansi.toString('base64'))).toMatchObject({ text: 'Name;PLZ;Ort\nGrün € AG;37269;Eschwege\n', encoding: 'windows-1252' });
    expect(() => decodeMembersFile('Name;PLZ')).toThrow(/base64/);
    const large = Buffer.alloc(csvImportLimits.bytes + 1, 'a').toString('base64');
    expect(() => decodeMembersFile(large)).toThrow(/at most 524288/);
  });
});
