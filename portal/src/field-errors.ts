import type { ConflictReasonName } from '../../shared/conflict-reasons.ts';
import type { InputReasonName } from '../../shared/input-reasons.ts';
import type { Locale } from './i18n.ts';

/**
 * What the texts need of a locale: its language, and its numbers' and times' notation; its days' where it has them
 * (TOO_FAR_AHEAD's last day, else written YYYY-MM-DD).
 */
type LocaleFormats = Pick<Locale, 'language' | 'number' | 'dateTime'> & Partial<Pick<Locale, 'date'>>;

// The server's field errors in the user's language. A BAD_USER_INPUT names its field (extensions.field)
// and why it was refused (extensions.reason with its parameters, shared/input-reasons.ts); the message
// itself is English, for API users. Forms show fieldErrorText(error, locale) at the field instead; an
// error without a reason this table knows keeps the server's message, so a reason added on the server
// before the portal learns it still says what to fix. Free of Preact, so unit tests run it as it is;
// components keep an error as said.tsx's sayError, worded in the page's language each time it renders.

/** A GraphQL error as the portal reads it (graphql.ts's GraphQLErrorLike fits), named here so this module imports no Preact. */
export interface ServerError {
  message: string;
  extensions?: Readonly<Record<string, unknown>>;
}

interface ReasonParams {
  min?: number;
  above?: number;
  max?: number;
  integer?: boolean;
  /** The number is a window's length in days (a balance of at most 366). */
  days?: boolean;
  /** A text shown on one line had a line break or tab. */
  oneLine?: boolean;
  other?: string;
  /** TOO_FAR_AHEAD's max: the last day taken, in the locale's notation. */
  latest?: string;
  /** UNKNOWN_MATERIAL's closest known spellings, quoted and joined ("„42CrMo4“ oder „42CrMo4+QT“"); none when nothing is close. */
  suggestions?: string[];
}

type Phrase = (p: ReasonParams, n: (value: number) => string, message: string) => string;

/** Bytes as the user reads a file limit: 512 KB, 20 MB. */
const size = (bytes: number, n: (value: number) => string) => (bytes >= 1_048_576 ? `${n(bytes / 1_048_576)} MB` : `${n(bytes / 1024)} KB`);

function rangeDe({ min, above, max }: ReasonParams, n: (value: number) => string): string {
  if (min !== undefined && max !== undefined) return `von ${n(min)} bis ${n(max)}`;
  if (above !== undefined && max !== undefined) return `über ${n(above)} und höchstens ${n(max)}`;
  if (above !== undefined) return `über ${n(above)}`;
  if (min !== undefined) return `von mindestens ${n(min)}`;
  return max !== undefined ? `von höchstens ${n(max)}` : 'im erlaubten Bereich';
}

function rangeEn({ min, above, max }: ReasonParams, n: (value: number) => string): string {
  if (min !== undefined && max !== undefined) return `from ${n(min)} to ${n(max)}`;
  if (above !== undefined && max !== undefined) return `above ${n(above)} and at most ${n(max)}`;
  if (above !== undefined) return `above ${n(above)}`;
  if (min !== undefined) return `of at least ${n(min)}`;
  return max !== undefined ? `of at most ${n(max)}` : 'in the allowed range';
}

// A date's min and max are years, written as years are (2999, not 2.999).
const yearsDe = ({ min, max }: ReasonParams) => `in den Jahren ${min} bis ${max}`;
const yearsEn = ({ min, max }: ReasonParams) => `in the years ${min} to ${max}`;

const de: Record<InputReasonName, Phrase> = {
  REQUIRED: () => 'Bitte füllen Sie dieses Feld aus.',
  TOO_SHORT: (p, n) => `Bitte geben Sie mindestens ${n(p.min ?? 1)} Zeichen ein.`,
  TOO_LONG: (p, n) => `Bitte kürzen Sie auf höchstens ${n(p.max ?? 0)} Zeichen.`,
  MALFORMED_TEXT: () => 'Der Text enthält ein Steuerzeichen oder ein halbes Zeichen (etwa eines Emojis); bitte entfernen Sie es.',
  CONTROL_CHARACTER: (p) =>
    p.oneLine
      ? 'Bitte schreiben Sie dies in eine Zeile, ohne Zeilenumbruch oder Tabulator.'
      : 'Der Text enthält ein unsichtbares Steuerzeichen (etwa aus einer kopierten Vorlage); bitte entfernen Sie es.',
  NO_LETTERS: () => 'Bitte verwenden Sie mindestens einen Buchstaben oder eine Ziffer.',
  OUT_OF_RANGE: (p, n) =>
    p.days
      ? `Bitte wählen Sie einen Zeitraum ${rangeDe(p, n)} Tagen.`
      : `Bitte geben Sie ${p.integer ? 'eine ganze Zahl' : 'einen Wert'} ${rangeDe(p, n)} ein.`,
  NUMBER: (p) => (p.integer ? 'Bitte geben Sie eine ganze Zahl ein, z. B. 120 oder 1.250.' : 'Bitte geben Sie eine Zahl ein, z. B. 51,2345.'),
  POSTAL_CODE: () => 'Bitte geben Sie eine deutsche Postleitzahl ein: fünf Ziffern von 01001 bis 99998, z. B. 37269.',
  UNKNOWN_POSTAL_CODE: () => 'Diese Postleitzahl ist uns nicht bekannt; bitte prüfen Sie sie.',
  URL: () => 'Bitte geben Sie eine Webadresse mit http:// oder https:// ein, z. B. https://www.beispiel.de.',
  EMAIL: () => 'Bitte geben Sie eine E-Mail-Adresse ein, z. B. name@firma.de.',
  PHONE: () => 'Bitte geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) / - ein, z. B. +49 5651 12345.',
  CURRENCY: () => 'Bitte geben Sie den Code einer Währung nach ISO 4217 ein, z. B. EUR.',
  DATE: (p) => (p.min !== undefined && p.max !== undefined ? `Bitte geben Sie ein Datum ${yearsDe(p)} ein.` : 'Bitte geben Sie ein gültiges Datum ein.'),
  DATE_TIME: (p) =>
    p.min !== undefined && p.max !== undefined ? `Bitte geben Sie Datum und Uhrzeit ${yearsDe(p)} ein.` : 'Bitte geben Sie ein gültiges Datum mit Uhrzeit ein.',
  IN_THE_PAST: () => 'Dieser Zeitpunkt liegt in der Vergangenheit; bitte wählen Sie einen künftigen.',
  TOO_FAR_AHEAD: (p) =>
    p.latest ? `Das liegt zu weit in der Zukunft; bitte wählen Sie einen Tag bis spätestens ${p.latest}.` : 'Das liegt zu weit in der Zukunft.',
  NO_WORKING_DAY: () => 'In diesem Zeitraum liegt (ab heute) kein Arbeitstag von Montag bis Freitag; bitte wählen Sie andere Tage.',
  ORDER: (p) => `Dieser Wert widerspricht „${p.other ?? '?'}“ (etwa ein Ende vor dem Beginn); bitte prüfen Sie beide.`,
  UNKNOWN_PROCESS: () => 'Das ist kein Fertigungsverfahren der Liste nach DIN 8580.',
  UNKNOWN_MATERIAL: (p) =>
    p.suggestions?.length
      ? `Diesen Werkstoff kennen wir nicht; meinten Sie ${p.suggestions.map((s) => `„${s}“`).join(' oder ')}?`
      : 'Diesen Werkstoff kennen wir nicht; bitte geben Sie einen Namen oder eine Nummer an, z. B. 42CrMo4 oder 1.4301.',
  UNKNOWN_CERTIFICATION: () => 'Diese Zertifizierung kennen wir nicht; bitte wählen Sie eine aus der Liste.',
  TOO_MANY: (p, n) => `Bitte geben Sie höchstens ${n(p.max ?? 0)} Einträge an.`,
  TOO_FEW: (p, n) => (p.min === 1 ? 'Bitte geben Sie mindestens einen Eintrag an.' : `Bitte geben Sie mindestens ${n(p.min ?? 1)} Einträge an.`),
  DUPLICATE: () => 'Ein Eintrag kommt doppelt vor; bitte geben Sie jeden nur einmal an.',
  TOO_DEEP: (p, n) => `Die Eingabe ist tiefer als ${n(p.max ?? 0)} Ebenen verschachtelt.`,
  NO_MATCH: () =>
    'Kein Mitglied eines Netzwerks hat alle verlangten Zertifikate, so würde niemand eingeladen; nichts wurde veröffentlicht. Verlangen Sie weniger Zertifikate, oder bitten Sie eine Netzwerkgeschäftsstelle, Mitglieder vorzuschlagen.',
  NOT_AN_ID: () => 'Dieser Verweis ist ungültig; bitte wählen Sie den Eintrag erneut aus.',
  NOT_A_CURSOR: () => 'Diese Seite der Liste gibt es nicht mehr; bitte beginnen Sie von vorn.',
  COMBINATION: (_p, _n, message) => `Diese Angabe passt nicht zu den übrigen Angaben. Hinweis des Servers: ${message}`,
  NOT_APPLICABLE: (_p, _n, message) => `Diese Angabe ist hier nicht möglich. Hinweis des Servers: ${message}`,
  ARCHIVED: () => 'Dieses Unternehmen ist archiviert: Es hat sein Netzwerk verlassen und nimmt an nichts Neuem mehr teil.',
  FILE: () => 'Diese Datei lässt sich nicht verwenden: Sie ist leer, von einer anderen Art oder nicht lesbar.',
  TOO_LARGE: (p, n) => `Die Datei ist zu groß; erlaubt sind höchstens ${size(p.max ?? 0, n)}.`,
  CELL_COUNT: (p, n) => `Die Zeile hat mehr Zellen als die Kopfzeile Spalten (${n(p.max ?? 0)}); vermutlich fehlen einer Zelle die Anführungszeichen.`,
  PASSWORD_RULE: () => 'Dieses Passwort ist nicht erlaubt: nicht die E-Mail-Adresse, nicht ein einziges wiederholtes Zeichen, nicht das bisherige Passwort.',
  WRONG_PASSWORD: () => 'Das ist nicht Ihr bisheriges Passwort.',
};

// COMBINATION and NOT_APPLICABLE depend on the request (which other field, which state of the record):
// German readers get a phrase and the server's message after it, English readers that message alone.
const en: Record<InputReasonName, Phrase> = {
  REQUIRED: () => 'Please fill in this field.',
  TOO_SHORT: (p, n) => `Please enter at least ${n(p.min ?? 1)} characters.`,
  TOO_LONG: (p, n) => `Please shorten this to at most ${n(p.max ?? 0)} characters.`,
  MALFORMED_TEXT: () => 'The text contains a control character or half a character (such as of an emoji); please remove it.',
  CONTROL_CHARACTER: (p) =>
    p.oneLine
      ? 'Please write this on one line, without a line break or tab.'
      : 'The text contains an invisible control character (such as from a copied template); please remove it.',
  NO_LETTERS: () => 'Please use at least one letter or digit.',
  OUT_OF_RANGE: (p, n) =>
    p.days ? `Please choose a window ${rangeEn(p, n)} days.` : `Please enter ${p.integer ? 'a whole number' : 'a value'} ${rangeEn(p, n)}.`,
  NUMBER: (p) => (p.integer ? 'Please enter a whole number, e.g. 120 or 1,250.' : 'Please enter a number, e.g. 51.2345.'),
  POSTAL_CODE: () => 'Please enter a German postal code: five digits from 01001 to 99998, e.g. 37269.',
  UNKNOWN_POSTAL_CODE: () => 'This postal code is not known to us; please check it.',
  URL: () => 'Please enter a web address starting with http:// or https://, e.g. https://www.example.com.',
  EMAIL: () => 'Please enter an e-mail address, e.g. name@company.com.',
  PHONE: () => 'Please enter a telephone number of digits, spaces and + ( ) / - only, e.g. +49 5651 12345.',
  CURRENCY: () => 'Please enter the code of a currency ISO 4217 lists, e.g. EUR.',
  DATE: (p) => (p.min !== undefined && p.max !== undefined ? `Please enter a date ${yearsEn(p)}.` : 'Please enter a valid date.'),
  DATE_TIME: (p) => (p.min !== undefined && p.max !== undefined ? `Please enter a date and time ${yearsEn(p)}.` : 'Please enter a valid date and time.'),
  IN_THE_PAST: () => 'This lies in the past; please choose a time in the future.',
  TOO_FAR_AHEAD: (p) => (p.latest ? `This lies too far ahead; please choose a day no later than ${p.latest}.` : 'This lies too far ahead.'),
  NO_WORKING_DAY: () => 'This window has no working day (Monday to Friday) left from today; please choose other days.',
  ORDER: (p) => `This value contradicts "${p.other ?? '?'}" (such as an end before its start); please check both.`,
  UNKNOWN_PROCESS: () => 'This is not a manufacturing process of the DIN 8580 list.',
  UNKNOWN_MATERIAL: (p) =>
    p.suggestions?.length
      ? `We do not know this material; did you mean ${p.suggestions.map((s) => `"${s}"`).join(' or ')}?`
      : 'We do not know this material; please give a name or number such as 42CrMo4 or 1.4301.',
  UNKNOWN_CERTIFICATION: () => 'We do not know this certification; please choose one from the list.',
  TOO_MANY: (p, n) => `Please give at most ${n(p.max ?? 0)} entries.`,
  TOO_FEW: (p, n) => (p.min === 1 ? 'Please give at least one entry.' : `Please give at least ${n(p.min ?? 1)} entries.`),
  DUPLICATE: () => 'An entry appears twice; please give each one once.',
  TOO_DEEP: (p, n) => `The input nests deeper than ${n(p.max ?? 0)} levels.`,
  NO_MATCH: () =>
    'No member of any network holds every certificate asked for, so nobody would be invited; nothing was published. Ask for fewer certificates, or ask a network office to propose members.',
  NOT_AN_ID: () => 'This reference is not valid; please choose the entry again.',
  NOT_A_CURSOR: () => 'This page of the list no longer exists; please start again.',
  COMBINATION: (_p, _n, message) => message,
  NOT_APPLICABLE: (_p, _n, message) => message,
  ARCHIVED: () => 'This company is archived: it has left its network and takes part in nothing new.',
  FILE: (_p, _n, message) => message,
  TOO_LARGE: (p, n) => `The file is too large; at most ${size(p.max ?? 0, n)} are allowed.`,
  CELL_COUNT: (p, n) => `The row has more cells than the header has columns (${n(p.max ?? 0)}); a cell probably lacks its quotes.`,
  PASSWORD_RULE: () => 'This password is not allowed: not the e-mail address, not one character repeated, not the current password.',
  WRONG_PASSWORD: () => 'This is not your current password.',
};

export const fieldErrorPhrases: Readonly<Record<'de' | 'en', Readonly<Record<InputReasonName, Phrase>>>> = { de, en };

const numberOrUndefined = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The text to show at a field for a server error: the reason in the locale's language with its
 * parameters (numbers in the locale's notation); the server's message for an error without a reason
 * the portal knows. `labels` names other fields as the form shows them (ORDER's extensions.other).
 */
export function fieldErrorText(error: ServerError, locale: LocaleFormats, labels: Readonly<Record<string, string>> = {}): string {
  const extensions = error.extensions ?? {};
  const reason = extensions.reason;
  // A CONFLICT at a field (a taken e-mail address, a quote's version) reads as its reason says.
  const conflict = conflictText(error, locale);
  if (conflict !== undefined) return conflict;
  if (typeof reason !== 'string' || !Object.hasOwn(de, reason)) return error.message;
  const other = typeof extensions.other === 'string' ? extensions.other : undefined;
  const params: ReasonParams = {
    min: numberOrUndefined(extensions.min),
    above: numberOrUndefined(extensions.above),
    max: numberOrUndefined(extensions.max),
    integer: extensions.integer === true,
    days: extensions.days === true,
    oneLine: extensions.oneLine === true,
    other: other === undefined ? undefined : (labels[other] ?? labels[other.replace(/^input\./, '')] ?? other),
    latest: typeof extensions.max === 'string' && /^\d{4}-\d\d-\d\d$/.test(extensions.max) ? (locale.date?.(extensions.max) ?? extensions.max) : undefined,
    // The server's suggestions (findSuppliers, createInquiry, the members filter): what the user meant, to type again.
    suggestions: Array.isArray(extensions.suggestions) ? extensions.suggestions.filter((s): s is string => typeof s === 'string').slice(0, 3) : undefined,
  };
  return fieldErrorPhrases[locale.language][reason as InputReasonName](params, (value) => locale.number(value, 2), error.message);
}

/** The form field an error is about, among `fields`: extensions.field without the input's prefix (input.website is website). */
export function fieldOfError<F extends string>(error: ServerError | undefined, fields: readonly F[]): F | undefined {
  const field = typeof error?.extensions?.field === 'string' ? error.extensions.field.replace(/^input\./, '') : undefined;
  return fields.find((f) => f === field);
}

// Errors about no field: what went wrong in the visitor's language, by extensions.code. Where the server's
// message says which record or state (NOT_FOUND, CONFLICT, FORBIDDEN), German readers get a phrase and that
// message after it and English readers the message alone, as for COMBINATION above; where it adds nothing the
// person could act on (an outage, a refused session), the phrase alone. UNREACHABLE and HTTP are the portal's
// own (graphql.ts). A code not listed keeps the server's message.
type CodePhrase = (message: string) => string;

const serverNote = (message: string) => ` Hinweis des Servers: ${message}`;

const codesDe: Readonly<Record<string, CodePhrase>> = {
  UNAUTHENTICATED: () => 'Sie sind nicht (mehr) angemeldet; bitte melden Sie sich an.',
  FORBIDDEN: (m) => `Das ist mit Ihrem Zugang nicht erlaubt.${serverNote(m)}`,
  NOT_FOUND: (m) => `Das gibt es nicht (mehr).${serverNote(m)}`,
  CONFLICT: (m) => `Das wurde inzwischen geändert oder ist in diesem Stand nicht möglich; bitte laden Sie die Seite neu.${serverNote(m)}`,
  RATE_LIMITED: () => 'Zu viele Anfragen in kurzer Zeit; bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  SERVICE_UNAVAILABLE: () => 'Ein Teil des Systems antwortet gerade nicht; bitte versuchen Sie es in Kürze erneut.',
  NETWORK_UNAVAILABLE: () => 'Ein Netzwerk antwortet gerade nicht; bitte versuchen Sie es in Kürze erneut.',
  INTERNAL_API_VERSION: () => 'Ein Netzwerk läuft gerade mit einer unpassenden Version; seine Geschäftsstelle ist informiert.',
  INTERNAL_SERVER_ERROR: () => 'Auf dem Server ist ein Fehler aufgetreten; bitte versuchen Sie es erneut.',
  CSRF_TOKEN_INVALID: () => 'Diese Seite gehört zu einer älteren Sitzung; bitte laden Sie sie neu.',
  PASSWORD_CHANGE_REQUIRED: () =>
    'Sie sind mit einem Einmalpasswort angemeldet: Bitte wählen Sie zuerst unter „Mein Zugang“ ein eigenes Passwort; bis dahin ist nur das möglich.',
  PERSISTED_QUERY_NOT_FOUND: () => 'Das Portal wurde aktualisiert; bitte laden Sie die Seite neu.',
  OPERATION_LIMIT_EXCEEDED: () => 'Die Abfrage ist zu umfangreich; bitte schränken Sie sie ein.',
  UNREACHABLE: () => 'Das Portal ist gerade nicht erreichbar; bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
  HTTP: (m) => `Der Server hat unerwartet geantwortet (${m}); bitte versuchen Sie es erneut.`,
};

const codesEn: Readonly<Record<string, CodePhrase>> = {
  UNAUTHENTICATED: () => 'You are not signed in (any more); please sign in.',
  FORBIDDEN: (m) => m,
  NOT_FOUND: (m) => m,
  CONFLICT: (m) => `${m} Please reload the page.`,
  RATE_LIMITED: () => 'Too many requests in a short time; please wait a moment and try again.',
  SERVICE_UNAVAILABLE: () => 'Part of the system is not answering right now; please try again shortly.',
  NETWORK_UNAVAILABLE: () => 'A network is not answering right now; please try again shortly.',
  INTERNAL_API_VERSION: () => 'A network is running a version that does not fit; its office has been told.',
  INTERNAL_SERVER_ERROR: () => 'Something failed on the server; please try again.',
  CSRF_TOKEN_INVALID: () => 'This page belongs to an older session; please reload it.',
  PASSWORD_CHANGE_REQUIRED: () =>
    'You signed in with a one-time password: choose a password of your own under “My account” first; until then nothing else is possible.',
  PERSISTED_QUERY_NOT_FOUND: () => 'The portal has been updated; please reload the page.',
  OPERATION_LIMIT_EXCEEDED: () => 'The query is too large; please narrow it down.',
  UNREACHABLE: () => 'The portal cannot be reached right now; please check the connection and try again.',
  HTTP: (m) => `The server answered unexpectedly (${m}); please try again.`,
};

export const errorCodePhrases: Readonly<Record<'de' | 'en', Readonly<Record<string, CodePhrase>>>> = { de: codesDe, en: codesEn };

// A CONFLICT's reason (shared/conflict-reasons.ts) in each language, with its numbers in the locale's notation: the
// state the write met, and what to do. A reason the portal does not know yet keeps CONFLICT's phrase above.
interface ConflictParams {
  field?: string;
  /** Beside EXISTS, an open working group membership's: what the member has already. */
  status?: string;
  participantLimit?: number;
  remainingAreaM2?: number;
  hoursLeft?: number;
  /** Beside CLOSED: when the deadline passed or the meeting began (ISO 8601). */
  closedAt?: string;
  /** Beside REGISTRATIONS_USED_UP: how often a member registers for one booth. */
  limit?: number;
  /** Beside AMBIGUOUS_ORGANISATION: the organisations' names as stored, to give one of exactly. */
  spellings?: string[];
}

type ConflictPhrase = (p: ConflictParams, n: (value: number) => string, at: (iso: string) => string) => string;

// What exists already, by the open membership's status (working groups) or the field the conflict names.
const existsDe: Readonly<Record<string, string>> = {
  INVITED: 'Die Einladung liegt schon vor; sie lässt sich auf der Seite des Arbeitskreises annehmen.',
  REQUESTED: 'Die Aufnahme ist schon beantragt; die Leitung entscheidet.',
  ACTIVE: 'Das Unternehmen ist schon Mitglied des Arbeitskreises.',
  'input.email': 'Für diese E-Mail-Adresse gibt es schon ein Konto.',
  'participant.email': 'Mit dieser E-Mail-Adresse ist schon jemand angemeldet.',
  partnerId: 'Mit diesem Unternehmen besteht schon eine solche Beziehung oder Anfrage; beenden Sie sie zuerst oder bestätigen Sie die angefragte.',
  name: 'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) gibt es schon; der Import legt nur neue an, entfernen Sie die Zeile.',
  'input.name':
    'Dieses Unternehmen (gleicher Name, gleiche Postleitzahl) ist schon Mitglied; ändern Sie es auf seiner Seite, oder nehmen Sie in den Namen auf, was die beiden unterscheidet (etwa den Standort).',
  'input.postalCode':
    'Unter dieser Postleitzahl ist ein Unternehmen dieses Namens schon Mitglied; ist es dasselbe, ändern Sie es auf seiner Seite, sonst nehmen Sie in den Namen auf, was die beiden unterscheidet.',
};

const existsEn: Readonly<Record<string, string>> = {
  INVITED: "The invitation is there already; accept it on the working group's page.",
  REQUESTED: 'Joining is asked for already; the lead decides.',
  ACTIVE: 'The company is a member of the working group already.',
  'input.email': 'An account with this e-mail address exists already.',
  'participant.email': 'Someone is registered with this e-mail address already.',
  partnerId: 'A relationship of this kind with this company, or a request for one, exists already; end it first or confirm the one requested.',
  name: 'This company (same name, same postal code) exists already; the import only creates new ones, so remove the row.',
  'input.name':
    'This company (same name, same postal code) is a member already; change it on its page, or put what tells the two apart into the name (its site, say).',
  'input.postalCode':
    'A company of this name is a member at this postal code already; if it is the same, change it on its page, otherwise put what tells the two apart into the name.',
};

function existing(table: Readonly<Record<string, string>>, ...keys: (string | undefined)[]): string | undefined {
  const key = keys.find((k) => k !== undefined && Object.hasOwn(table, k));
  return key === undefined ? undefined : table[key];
}

const conflictsDe: Record<ConflictReasonName, ConflictPhrase> = {
  STALE_VERSION: () => 'Das wurde inzwischen von anderer Seite geändert; bitte laden Sie die Seite neu und versuchen Sie es dann noch einmal.',
  STATUS: () => 'Das ist in diesem Stand nicht (mehr) möglich; bitte laden Sie die Seite neu.',
  EXISTS: ({ field, status }) => existing(existsDe, status, field) ?? 'Das gibt es schon; ein zweites Mal lässt es sich nicht anlegen.',
  ARCHIVED_EXISTS: () =>
    'Für diese E-Mail-Adresse gibt es einen archivierten Zugang. Stellen Sie ihn unter „Archivierte Zugänge“ wieder her, statt einen neuen anzulegen.',
  FULL: ({ participantLimit }, n) =>
    participantLimit === 1
      ? 'Der einzige Platz ist schon vergeben.'
      : `Alle ${participantLimit === undefined ? '' : `${n(participantLimit)} `}Plätze sind schon vergeben.`,
  NOT_ENOUGH_LEFT: ({ remainingAreaM2, hoursLeft }, n) =>
    remainingAreaM2 === 0 || hoursLeft === 0
      ? 'Es ist nichts mehr frei.'
      : remainingAreaM2 !== undefined
        ? `Es sind nur noch ${n(remainingAreaM2)} m² frei.`
        : hoursLeft !== undefined
          ? `Es ${hoursLeft === 1 ? 'ist nur noch 1 Stunde' : `sind nur noch ${n(hoursLeft)} Stunden`} frei.`
          : 'Es ist nicht mehr genug frei; bitte laden Sie die Seite neu.',
  CLOSED: ({ closedAt }, _n, at) => (closedAt ? `Die Frist dafür ist am ${at(closedAt)} abgelaufen.` : 'Die Frist dafür ist abgelaufen.'),
  LEADS: () => 'Die Leitung bleibt Mitglied des Arbeitskreises; übergeben Sie zuerst die Leitung.',
  INCOMPLETE: () => 'Das Konsortium ist noch nicht vollständig: Alle Partner müssen zusagen und ihren Anteil nennen.',
  KEY_REUSED: () =>
    'Ihr voriger Versuch ist schon gespeichert, mit den Angaben von damals; bitte laden Sie die Seite neu und prüfen Sie ihn, bevor Sie etwas ändern.',
  REGISTRATIONS_USED_UP: ({ limit }, n) =>
    `Ein Unternehmen meldet sich ${limit === undefined ? 'nur begrenzt oft' : `höchstens ${n(limit)}-mal`} für einen Stand an; diese Anmeldungen sind verbraucht. Soll es doch ausstellen, wenden Sie sich bitte an die Administration der Region; sie ist an diese Grenze nicht gebunden.`,
  AMBIGUOUS_ORGANISATION: ({ spellings }) =>
    `Unter diesem Namen gibt es mehrere Organisationen, die sich nur in Groß- und Kleinschreibung oder Leerzeichen unterscheiden${spellings?.length ? ` (${spellings.map((s) => `„${s}“`).join(', ')})` : ''}; bitte geben Sie den Namen einer von ihnen genau so ein.`,
};

const conflictsEn: Record<ConflictReasonName, ConflictPhrase> = {
  STALE_VERSION: () => 'This was changed elsewhere in the meantime; please reload the page and try again.',
  STATUS: () => 'This is not (or no longer) possible in its current state; please reload the page.',
  EXISTS: ({ field, status }) => existing(existsEn, status, field) ?? 'This exists already; it cannot be created a second time.',
  ARCHIVED_EXISTS: () => 'An archived account has this e-mail address. Restore it under “Archived accounts” instead of creating a new one.',
  FULL: ({ participantLimit }, n) =>
    participantLimit === 1
      ? 'The only place is taken already.'
      : `All ${participantLimit === undefined ? '' : `${n(participantLimit)} `}places are taken already.`,
  NOT_ENOUGH_LEFT: ({ remainingAreaM2, hoursLeft }, n) =>
    remainingAreaM2 === 0 || hoursLeft === 0
      ? 'Nothing is left.'
      : remainingAreaM2 !== undefined
        ? `Only ${n(remainingAreaM2)} m² are left.`
        : hoursLeft !== undefined
          ? `Only ${hoursLeft === 1 ? '1 hour is' : `${n(hoursLeft)} hours are`} left.`
          : 'Not enough is left any more; please reload the page.',
  CLOSED: ({ closedAt }, _n, at) => (closedAt ? `Its deadline passed on ${at(closedAt)}.` : 'Its deadline has passed.'),
  LEADS: () => 'The lead stays a member of the working group; hand the lead over first.',
  INCOMPLETE: () => 'The consortium is not complete yet: every partner must accept and name its share.',
  KEY_REUSED: () => 'Your earlier attempt is saved already, with the input it had then; please reload the page and check it before changing anything.',
  REGISTRATIONS_USED_UP: ({ limit }, n) =>
    `A company registers for a booth ${limit === undefined ? 'only so often' : `at most ${n(limit)} times`}, and these registrations are used up. To exhibit after all, please ask the region's administration, which this limit does not bind.`,
  AMBIGUOUS_ORGANISATION: ({ spellings }) =>
    `Several organisations have this name, differing only in case or spacing${spellings?.length ? ` (${spellings.map((s) => `“${s}”`).join(', ')})` : ''}; please enter the name of one of them exactly as written there.`,
};

export const conflictPhrases: Readonly<Record<'de' | 'en', Readonly<Record<ConflictReasonName, ConflictPhrase>>>> = { de: conflictsDe, en: conflictsEn };

/** A CONFLICT with a reason the portal knows, in the locale's language; undefined for any other error. */
function conflictText(error: ServerError, locale: LocaleFormats): string | undefined {
  const extensions = error.extensions ?? {};
  const reason = extensions.reason;
  if (extensions.code !== 'CONFLICT' || typeof reason !== 'string' || !Object.hasOwn(conflictsDe, reason)) return undefined;
  const params = {
    field: typeof extensions.field === 'string' ? extensions.field : undefined,
    status: typeof extensions.status === 'string' ? extensions.status : undefined,
    participantLimit: numberOrUndefined(extensions.participantLimit),
    remainingAreaM2: numberOrUndefined(extensions.remainingAreaM2),
    hoursLeft: numberOrUndefined(extensions.hoursLeft),
    closedAt: typeof extensions.closedAt === 'string' && !Number.isNaN(Date.parse(extensions.closedAt)) ? extensions.closedAt : undefined,
    limit: numberOrUndefined(extensions.limit),
    spellings: Array.isArray(extensions.spellings) && extensions.spellings.every((s) => typeof s === 'string') ? (extensions.spellings as string[]) : undefined,
  };
  return conflictPhrases[locale.language][reason as ConflictReasonName](params, (value) => locale.number(value, 2), locale.dateTime);
}

/**
 * A write the server could not confirm (extensions.writeOutcome UNKNOWN, README "Retrying a write"): it may have
 * been saved. The portal's forms send the same idempotency key again after it (retry-key.ts), so sending again
 * saves once; the office's retry after a network's timeout created the member twice while each press had a key of its own.
 */
const unknownOutcome = {
  de: 'Ob das gespeichert wurde, ist nicht sicher: ein Teil des Systems hat nicht rechtzeitig geantwortet. Senden Sie es einfach noch einmal; doppelt gespeichert wird es nicht.',
  en: 'Whether this was saved is not certain: part of the system did not answer in time. Just send it again; it will not be saved twice.',
};

/**
 * A request body over the gateway's limit (graphql.ts's REQUEST_TOO_LARGE, the portal's own code for a 413): its
 * message is English and names bytes and attachments, which say nothing to a person who typed a long text.
 */
const requestTooLarge = {
  de: 'Das ist zu viel auf einmal für den Server; bitte kürzen Sie die Angaben oder senden Sie sie in Teilen.',
  en: 'This is too much at once for the server; please shorten it or send it in parts.',
};

/** Any server error in the locale's language: a field's reason (fieldErrorText), else its code's phrase, else its message. */
export function errorText(error: ServerError, locale: LocaleFormats, labels: Readonly<Record<string, string>> = {}): string {
  if (error.extensions?.writeOutcome === 'UNKNOWN') return unknownOutcome[locale.language];
  if (error.extensions?.code === 'REQUEST_TOO_LARGE') return requestTooLarge[locale.language];
  const reason = error.extensions?.reason;
  const code = error.extensions?.code;
  const conflict = conflictText(error, locale);
  if (conflict !== undefined) return conflict;
  if (typeof reason === 'string' && Object.hasOwn(de, reason)) return fieldErrorText(error, locale, labels);
  const phrases = errorCodePhrases[locale.language];
  return typeof code === 'string' && Object.hasOwn(phrases, code) ? phrases[code](error.message) : error.message;
}

/** What a notice says for the errors of one request: each text once ("failed:" before them comes from the page). */
export function errorsText(errors: readonly ServerError[], locale: LocaleFormats): string {
  return [...new Set(errors.map((error) => errorText(error, locale)))].join(' ');
}
