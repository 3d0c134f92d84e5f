import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { describe, expect, test } from 'vitest';
import { conflictPhrases, errorCodePhrases, errorsText, errorText, fieldErrorPhrases, fieldErrorText, fieldOfError } from '../portal/src/field-errors.ts';
import { locale } from '../portal/src/i18n.ts';
import { conflictReasons } from '../shared/conflict-reasons.ts';
import { badInput, conflict, errorCodes } from '../shared/errors.ts';
import { inputReasons } from '../shared/input-reasons.ts';
import { idempotencyKey, isoDate, isoDateTime, line, pageSize, text, unknownMaterial } from '../shared/validation.ts';
import { employees, postalCode, website } from '../subgraphs/network/validation.ts';

// BAD_USER_INPUT's extensions.reason: what the validators send, and how the portal turns it into the
// user's language (portal/src/field-errors.ts), falling back to the server's message.

const de = locale('de');
const en = locale('en');

/** The error a check throws, as a client reads it (message and extensions). */
function refusal(check: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    check();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { message: error.message, extensions: { ...error.extensions } };
  }
  throw new Error('the check passed');
}

describe('the reasons the server sends', () => {
  test('badInput puts the reason and its parameters beside code and field, the message stays English', () => {
    const error = badInput('name', 'name must be at most 200 characters, got 201.', { reason: 'TOO_LONG', max: 200 });
    expect(error.message).toBe('name must be at most 200 characters, got 201.');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name', reason: 'TOO_LONG', max: 200 });
  });

  test('a refusal without a reason does not compile (npm run typecheck checks this file)', () => {
    const withoutReason = () =>
      // @ts-expect-error badInput requires an InputReason: every refusal a client can translate.
      badInput('name', 'name must not be empty.');
    expect(withoutReason().extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  test("the member form's checks name their reason with the numbers the portal shows", () => {
    expect(refusal(() => text('name', '  ', 200, true)).extensions).toMatchObject({ field: 'name', reason: 'REQUIRED' });
    expect(refusal(() => text('city', 'x'.repeat(101), 100, true)).extensions).toMatchObject({ field: 'city', reason: 'TOO_LONG', max: 100 });
    expect(refusal(() => text('city', 'Esch\u0000wege', 100, true)).extensions).toMatchObject({ reason: 'MALFORMED_TEXT' });
    expect(refusal(() => postalCode('postalCode', '3726')).extensions).toMatchObject({ field: 'postalCode', reason: 'POSTAL_CODE' });
    expect(refusal(() => website('website', 'ftp://example.de')).extensions).toMatchObject({ field: 'website', reason: 'URL' });
    expect(refusal(() => employees('employees', 0)).extensions).toMatchObject({ reason: 'OUT_OF_RANGE', min: 1, max: 1_000_000, integer: true });
    expect(refusal(() => pageSize(500, 100)).extensions).toMatchObject({ field: 'first', reason: 'OUT_OF_RANGE', min: 1, max: 100 });
    expect(refusal(() => idempotencyKey(' ')).extensions).toMatchObject({ reason: 'REQUIRED' });
    expect(refusal(() => idempotencyKey('k'.repeat(201))).extensions).toMatchObject({ reason: 'TOO_LONG', max: 200 });
  });

  test('README\'s "Errors" section lists every reason', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 1));
    const missing = Object.keys(inputReasons).filter((reason) => !section.includes(`\`${reason}\``));
    expect(missing).toEqual([]);
  });
});

describe("the portal's words for them", () => {
  test('German and English have a phrase for every reason the server knows, and no other', () => {
    const reasons = Object.keys(inputReasons).sort();
    expect(Object.keys(fieldErrorPhrases.de).sort()).toEqual(reasons);
    expect(Object.keys(fieldErrorPhrases.en).sort()).toEqual(reasons);
  });

  test("a window's length in days, and a window without a working day, read as such", () => {
    // It read "Bitte geben Sie einen Wert von höchstens 366 ein." at a date field.
    const long = badInput('to', 'The balance covers at most 366 days; narrow from and to.', { reason: 'OUT_OF_RANGE', max: 366, days: true });
    expect(fieldErrorText(long, de)).toBe('Bitte wählen Sie einen Zeitraum von höchstens 366 Tagen.');
    expect(fieldErrorText(long, en)).toBe('Please choose a window of at most 366 days.');
    const none = badInput('to', 'The window has no working day.', { reason: 'NO_WORKING_DAY' });
    expect(fieldErrorText(none, de)).toBe('In diesem Zeitraum liegt (ab heute) kein Arbeitstag von Montag bis Freitag; bitte wählen Sie andere Tage.');
    expect(fieldErrorText(none, en)).toBe('This window has no working day (Monday to Friday) left from today; please choose other days.');
  });

  test("an unknown material reads with the server's suggestions, or asks for a name or number without them", () => {
    // The server names the closest known spellings (shared/validation.ts unknownMaterial); the portal said only "unknown".
    const typo = unknownMaterial('requirements.material', '42CrMo');
    expect(typo.extensions).toMatchObject({ reason: 'UNKNOWN_MATERIAL', suggestions: ['42CrMo4'] });
    expect(fieldErrorText(typo, de)).toBe('Diesen Werkstoff kennen wir nicht; meinten Sie „42CrMo4“?');
    expect(fieldErrorText(typo, en)).toBe('We do not know this material; did you mean "42CrMo4"?');
    const far = unknownMaterial('requirements.material', 'Unobtainium');
    expect(fieldErrorText(far, de)).toBe('Diesen Werkstoff kennen wir nicht; bitte geben Sie einen Namen oder eine Nummer an, z. B. 42CrMo4 oder 1.4301.');
  });

  test('a control character, and a line break in a one-line text, read as what to do about them', () => {
    const lineBroken = refusal(() => line('name', 'Müller\nGmbH', 200, true));
    expect(lineBroken.extensions).toMatchObject({ field: 'name', reason: 'CONTROL_CHARACTER', oneLine: true });
    const control = refusal(() => text('description', 'Drehen\u202E', 5000, false));
    expect(control.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'description', reason: 'CONTROL_CHARACTER' });
    const asError = (r: { message: string; extensions: Record<string, unknown> }) => new GraphQLError(r.message, { extensions: r.extensions });
    expect(fieldErrorText(asError(lineBroken), de)).toBe('Bitte schreiben Sie dies in eine Zeile, ohne Zeilenumbruch oder Tabulator.');
    expect(fieldErrorText(asError(control), en)).toBe('The text contains an invisible control character (such as from a copied template); please remove it.');
    // A description keeps its lines and tabs; a trailing line break of a pasted name is trimmed away.
    expect(text('description', 'Erstens.\n\tZweitens.', 5000, false)).toBe('Erstens.\n\tZweitens.');
    expect(line('name', 'Müller GmbH\r\n', 200, true)).toBe('Müller GmbH');
    // A one-line text in one form: composed, without invisible format characters, one space for each run.
    expect(line('topic', 'Ha\u0308rten\u00A0 und\u200B Be\u00ADschichten', 200, true)).toBe('Härten und Beschichten');
    expect(refusal(() => line('name', '\u200B\uFEFF', 200, true)).extensions).toMatchObject({ reason: 'REQUIRED' });
    expect(text('description', 'Zwei  Leerzeichen', 5000, false)).toBe('Zwei  Leerzeichen');
  });

  test('each reason reads in German, with its numbers in German notation', () => {
    const postal = refusal(() => postalCode('postalCode', '3726'));
    expect(fieldErrorText(postal, de)).toBe('Bitte geben Sie eine deutsche Postleitzahl ein: fünf Ziffern von 01001 bis 99998, z. B. 37269.');
    expect(fieldErrorText(postal, en)).toBe('Please enter a German postal code: five digits from 01001 to 99998, e.g. 37269.');
    const many = refusal(() => employees('employees', 2_000_000));
    expect(fieldErrorText(many, de)).toBe('Bitte geben Sie eine ganze Zahl von 1 bis 1.000.000 ein.');
    expect(fieldErrorText(many, en)).toBe('Please enter a whole number from 1 to 1,000,000.');
    const long = refusal(() => text('description', 'x'.repeat(5001), 5000, false));
    expect(fieldErrorText(long, de)).toBe('Bitte kürzen Sie auf höchstens 5.000 Zeichen.');
    const radius = { message: 'radiusKm must be more than 0 and at most 500, got 0.', extensions: { reason: 'OUT_OF_RANGE', above: 0, max: 500 } };
    expect(fieldErrorText(radius, de)).toBe('Bitte geben Sie einen Wert über 0 und höchstens 500 ein.');
    const file = { message: 'The file has 600000 bytes; the limit is 524288 bytes.', extensions: { reason: 'TOO_LARGE', max: 524_288 } };
    expect(fieldErrorText(file, de)).toBe('Die Datei ist zu groß; erlaubt sind höchstens 512 KB.');
  });

  test("the member import's cell reasons read in German and English", () => {
    const employeesCell = { message: 'employees must be a whole number such as 120 or 1.250, got "viele".', extensions: { reason: 'NUMBER', integer: true } };
    expect(fieldErrorText(employeesCell, de)).toBe('Bitte geben Sie eine ganze Zahl ein, z. B. 120 oder 1.250.');
    expect(fieldErrorText(employeesCell, en)).toBe('Please enter a whole number, e.g. 120 or 1,250.');
    expect(fieldErrorText({ message: '', extensions: { reason: 'NUMBER' } }, de)).toBe('Bitte geben Sie eine Zahl ein, z. B. 51,2345.');
    const wide = { message: 'Row 4 has 5 cells but the header names 4 columns; a cell may lack its quotes.', extensions: { reason: 'CELL_COUNT', max: 4 } };
    expect(fieldErrorText(wide, de)).toBe('Die Zeile hat mehr Zellen als die Kopfzeile Spalten (4); vermutlich fehlen einer Zelle die Anführungszeichen.');
    expect(fieldErrorText(wide, en)).toBe('The row has more cells than the header has columns (4); a cell probably lacks its quotes.');
  });

  test('a date or time of a year outside the allowed ones names the years, written as years', () => {
    const late = refusal(() => isoDate('input.from', '9999-12-27'));
    expect(fieldErrorText(late, de)).toBe('Bitte geben Sie ein Datum in den Jahren 1900 bis 2999 ein.');
    expect(fieldErrorText(late, en)).toBe('Please enter a date in the years 1900 to 2999.');
    const meeting = refusal(() => isoDateTime('input.startsAt', '3000-01-14T15:00:00+01:00'));
    expect(fieldErrorText(meeting, de)).toBe('Bitte geben Sie Datum und Uhrzeit in den Jahren 1900 bis 2999 ein.');
    expect(fieldErrorText(meeting, en)).toBe('Please enter a date and time in the years 1900 to 2999.');
    // Not written as a date: no years, the plain request.
    expect(
      fieldErrorText(
        refusal(() => isoDate('input.from', '27.12.2027')),
        de,
      ),
    ).toBe('Bitte geben Sie ein gültiges Datum ein.');
    expect(
      fieldErrorText(
        refusal(() => isoDateTime('input.startsAt', '2027-01-14T15:00')),
        en,
      ),
    ).toBe('Please enter a valid date and time.');
  });

  test("ORDER names the other field by the form's label when the form gives one", () => {
    const error = { message: 'endsAt lies before startsAt.', extensions: { reason: 'ORDER', other: 'input.startsAt' } };
    expect(fieldErrorText(error, de, { startsAt: 'Beginn' })).toBe('Dieser Wert widerspricht „Beginn“ (etwa ein Ende vor dem Beginn); bitte prüfen Sie beide.');
    expect(fieldErrorText(error, de)).toContain('„input.startsAt“');
  });

  test("an error without a reason the portal knows keeps the server's message", () => {
    expect(fieldErrorText({ message: 'An account with this address exists already.', extensions: { code: 'CONFLICT', field: 'email' } }, de)).toBe(
      'An account with this address exists already.',
    );
    expect(fieldErrorText({ message: 'Something new.', extensions: { code: 'BAD_USER_INPUT', reason: 'ADDED_LATER' } }, de)).toBe('Something new.');
    expect(fieldErrorText({ message: 'No extensions.' }, en)).toBe('No extensions.');
    // English readers get the server's message where it is the more precise one.
    const combination = { message: 'input.memberId is for MEMBER accounts only.', extensions: { reason: 'COMBINATION' } };
    expect(fieldErrorText(combination, en)).toBe('input.memberId is for MEMBER accounts only.');
    expect(fieldErrorText(combination, de)).toBe(
      'Diese Angabe passt nicht zu den übrigen Angaben. Hinweis des Servers: input.memberId is for MEMBER accounts only.',
    );
  });

  test("fieldOfError finds the form's field without the input's prefix", () => {
    const fields = ['name', 'website'] as const;
    expect(fieldOfError({ message: '', extensions: { field: 'input.website' } }, fields)).toBe('website');
    expect(fieldOfError({ message: '', extensions: { field: 'name' } }, fields)).toBe('name');
    expect(fieldOfError({ message: '', extensions: { field: 'city' } }, fields)).toBeUndefined();
    expect(fieldOfError(undefined, fields)).toBeUndefined();
  });

  test("an error about no field reads in the page's language by its code; a page shows each text once", () => {
    // Every code a portal page can get has words in both languages, the portal's own two too (NETWORK_UNAVAILABLE as
    // well: a read shows the network notice, but a write's form showed the server's English). Not these: BAD_USER_INPUT
    // (its reasons, above), a safelist (partners only) and Apollo's refusals of a malformed request, which the portal's
    // persisted operations do not send.
    const notShown = new Set([
      'BAD_USER_INPUT',
      'OPERATION_NOT_SAFELISTED',
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'PERSISTED_QUERY_NOT_SUPPORTED',
      'OPERATION_RESOLUTION_FAILURE',
    ]);
    const shown = [...Object.keys(errorCodes).filter((code) => !notShown.has(code)), 'UNREACHABLE', 'HTTP'].sort();
    expect(Object.keys(errorCodePhrases.de).sort()).toEqual(shown);
    expect(Object.keys(errorCodePhrases.en).sort()).toEqual(shown);

    const outage = { message: 'region cannot reach its database; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region' } };
    expect(errorText(outage, de)).toBe('Ein Teil des Systems antwortet gerade nicht; bitte versuchen Sie es in Kürze erneut.');
    expect(errorText(outage, en)).toBe('Part of the system is not answering right now; please try again shortly.');
    const gone = { message: 'Inquiry inq-7 does not exist.', extensions: { code: 'NOT_FOUND' } };
    expect(errorText(gone, de)).toBe('Das gibt es nicht (mehr). Hinweis des Servers: Inquiry inq-7 does not exist.');
    expect(errorText(gone, en)).toBe('Inquiry inq-7 does not exist.');
    // A field's reason comes first; an unknown code keeps the server's message.
    expect(errorText({ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'REQUIRED' } }, de)).toBe('Bitte füllen Sie dieses Feld aus.');
    expect(errorText({ message: 'Die Antwort kam nicht rechtzeitig.', extensions: { code: 'TIMEOUT' } }, en)).toBe('Die Antwort kam nicht rechtzeitig.');
    // A write the server could not confirm may have been saved: the page says so, and that sending it again is safe.
    const open = { message: 'Network NIWE did not confirm the write.', extensions: { code: 'NETWORK_UNAVAILABLE', writeOutcome: 'UNKNOWN' } };
    expect(errorText(open, de)).toMatch(/^Ob das gespeichert wurde, ist nicht sicher/);
    expect(errorText(open, en)).toMatch(/^Whether this was saved is not certain/);
    // Three fields of one answer failing alike read once.
    expect(errorsText([outage, outage, outage], de)).toBe('Ein Teil des Systems antwortet gerade nicht; bitte versuchen Sie es in Kürze erneut.');
  });
});

describe("CONFLICT's reasons", () => {
  test('conflict puts the reason and its parameters beside the code, and does not compile without one', () => {
    const full = conflict('Meeting mtg-5 is full: all 1 places are taken.', { reason: 'FULL', participantLimit: 1 });
    expect(full.extensions).toEqual({ code: 'CONFLICT', reason: 'FULL', participantLimit: 1 });
    const withoutReason = () =>
      // @ts-expect-error conflict requires a ConflictReason: every conflict a client can translate.
      conflict('Relationship rel-1 has ended already.');
    expect(withoutReason().extensions.code).toBe('CONFLICT');
  });

  test('README\'s "Errors" section lists every reason, and the portal has German and English for each, and no other', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 1));
    expect(Object.keys(conflictReasons).filter((reason) => !section.includes(`\`${reason}\``))).toEqual([]);
    const reasons = Object.keys(conflictReasons).sort();
    expect(Object.keys(conflictPhrases.de).sort()).toEqual(reasons);
    expect(Object.keys(conflictPhrases.en).sort()).toEqual(reasons);
  });

  test("each reads in the page's language with its numbers, at a field too; an unknown one keeps CONFLICT's phrase", () => {
    const error = (extensions: Record<string, unknown>) => ({ message: 'English detail.', extensions: { code: 'CONFLICT', ...extensions } });
    expect(errorText(error({ reason: 'FULL', participantLimit: 1 }), de)).toBe('Der einzige Platz ist schon vergeben.');
    expect(errorText(error({ reason: 'FULL', participantLimit: 12 }), en)).toBe('All 12 places are taken already.');
    expect(errorText(error({ reason: 'NOT_ENOUGH_LEFT', remainingAreaM2: 12.5 }), de)).toBe('Es sind nur noch 12,5 m² frei.');
    expect(errorText(error({ reason: 'NOT_ENOUGH_LEFT', hoursLeft: 1200 }), de)).toBe('Es sind nur noch 1.200 Stunden frei.');
    expect(errorText(error({ reason: 'NOT_ENOUGH_LEFT', hoursLeft: 1200 }), en)).toBe('Only 1,200 hours are left.');
    expect(errorText(error({ reason: 'NOT_ENOUGH_LEFT', hoursLeft: 1 }), de)).toBe('Es ist nur noch 1 Stunde frei.');
    expect(errorText(error({ reason: 'NOT_ENOUGH_LEFT', remainingAreaM2: 0 }), de)).toBe('Es ist nichts mehr frei.');
    // A reused key means the first attempt was saved: sending again would save a second record.
    expect(errorText(error({ reason: 'KEY_REUSED', field: 'idempotencyKey' }), de)).toMatch(/^Ihr voriger Versuch ist schon gespeichert/);
    expect(fieldErrorText(error({ reason: 'EXISTS', field: 'partnerId' }), de)).toMatch(/^Mit diesem Unternehmen besteht schon eine solche Beziehung/);
    // A working group membership that is open already says which, and what comes next.
    expect(errorText(error({ reason: 'EXISTS', status: 'INVITED' }), de)).toBe(
      'Die Einladung liegt schon vor; sie lässt sich auf der Seite des Arbeitskreises annehmen.',
    );
    expect(errorText(error({ reason: 'EXISTS', status: 'REQUESTED' }), en)).toBe('Joining is asked for already; the lead decides.');
    expect(errorText(error({ reason: 'STALE_VERSION', currentVersion: 4 }), de)).toMatch(/^Das wurde inzwischen von anderer Seite geändert/);
    // A booth's registrations used up: how many, and whom to ask: the region's administration, which alone the limit
    // does not bind (the booth's organiser, which it named, is refused alike).
    expect(errorText(error({ reason: 'REGISTRATIONS_USED_UP', limit: 5 }), de)).toBe(
      'Ein Unternehmen meldet sich höchstens 5-mal für einen Stand an; diese Anmeldungen sind verbraucht. Soll es doch ausstellen, wenden Sie sich bitte an die Administration der Region; sie ist an diese Grenze nicht gebunden.',
    );
    expect(errorText(error({ reason: 'REGISTRATIONS_USED_UP', limit: 5 }), en)).toBe(
      "A company registers for a booth at most 5 times, and these registrations are used up. To exhibit after all, please ask the region's administration, which this limit does not bind.",
    );
    // An organisation's name matching several stored spellings lists them, to give one exactly.
    const ambiguous = error({ reason: 'AMBIGUOUS_ORGANISATION', spellings: ['Müller GmbH', 'MÜLLER GMBH'] });
    expect(errorText(ambiguous, de)).toBe(
      'Unter diesem Namen gibt es mehrere Organisationen, die sich nur in Groß- und Kleinschreibung oder Leerzeichen unterscheiden („Müller GmbH“, „MÜLLER GMBH“); bitte geben Sie den Namen einer von ihnen genau so ein.',
    );
    expect(errorText(ambiguous, en)).toBe(
      'Several organisations have this name, differing only in case or spacing (“Müller GmbH”, “MÜLLER GMBH”); please enter the name of one of them exactly as written there.',
    );
    // A deadline that passed says when, in the page's notation (a meeting that began: its start).
    const closed = error({ reason: 'CLOSED', closedAt: '2026-12-06T14:00:00.000Z' });
    expect(errorText(closed, de)).toBe(`Die Frist dafür ist am ${de.dateTime('2026-12-06T14:00:00.000Z')} abgelaufen.`);
    // Berlin's clock (portal/src/region-clock.ts), with its zone where the process's clock is another.
    expect(errorText(closed, de)).toMatch(/^Die Frist dafür ist am 06\.12\.2026, 15:00( MEZ)? abgelaufen\.$/);
    expect(errorText(closed, en)).toBe(`Its deadline passed on ${en.dateTime('2026-12-06T14:00:00.000Z')}.`);
    expect(errorText(error({ reason: 'CLOSED', closedAt: 'soon' }), de)).toBe('Die Frist dafür ist abgelaufen.');
    const taken = error({ reason: 'EXISTS', field: 'input.email' });
    expect(fieldErrorText(taken, de)).toBe('Für diese E-Mail-Adresse gibt es schon ein Konto.');
    expect(fieldErrorText(taken, en)).toBe('An account with this e-mail address exists already.');
    expect(errorText(error({ reason: 'SOMETHING_NEW' }), de)).toBe(
      'Das wurde inzwischen geändert oder ist in diesem Stand nicht möglich; bitte laden Sie die Seite neu. Hinweis des Servers: English detail.',
    );
  });
});
