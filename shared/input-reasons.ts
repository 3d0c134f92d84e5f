// Why a value was refused: every BAD_USER_INPUT carries extensions.reason, one stable word a client can
// show in its user's language (the portal translates it to German or English, portal/src/field-errors.ts),
// with its parameters beside it in extensions (min, max, above, integer, other). The English message
// stays for API users. Kept free of imports so the portal's bundle can read the table too.
// The set is what the validators check; a new kind of check adds a reason here, and the compiler then
// asks the portal's two tables for its words.

/** One refusal's reason and its parameters, as badInput (shared/errors.ts) requires them. */
export type InputReason =
  | { reason: 'REQUIRED' }
  | { reason: 'TOO_SHORT'; min: number }
  | { reason: 'TOO_LONG'; max: number }
  | { reason: 'MALFORMED_TEXT' }
  | { reason: 'CONTROL_CHARACTER'; oneLine?: true }
  | { reason: 'NO_LETTERS' }
  | { reason: 'OUT_OF_RANGE'; min?: number; above?: number; max?: number; integer?: true; days?: true }
  | { reason: 'NUMBER'; integer?: true }
  | { reason: 'POSTAL_CODE' }
  | { reason: 'UNKNOWN_POSTAL_CODE' }
  | { reason: 'URL' }
  | { reason: 'EMAIL' }
  | { reason: 'PHONE' }
  | { reason: 'CURRENCY' }
  | { reason: 'DATE'; min?: number; max?: number }
  | { reason: 'DATE_TIME'; min?: number; max?: number }
  | { reason: 'IN_THE_PAST' }
  | { reason: 'TOO_FAR_AHEAD'; max: string }
  | { reason: 'NO_WORKING_DAY' }
  | { reason: 'ORDER'; other: string }
  | { reason: 'UNKNOWN_PROCESS' }
  | { reason: 'UNKNOWN_MATERIAL'; suggestions: string[] }
  | { reason: 'UNKNOWN_CERTIFICATION' }
  | { reason: 'TOO_MANY'; max: number }
  | { reason: 'TOO_FEW'; min: number }
  | { reason: 'TOO_DEEP'; max: number }
  | { reason: 'DUPLICATE'; columns?: [string, string]; fills?: string }
  | { reason: 'NO_MATCH' }
  | { reason: 'NOT_AN_ID' }
  | { reason: 'NOT_A_CURSOR' }
  | { reason: 'COMBINATION' }
  | { reason: 'NOT_APPLICABLE' }
  | { reason: 'ARCHIVED' }
  | { reason: 'FILE'; cause?: FileCause; line?: number; found?: string; missing?: string[] }
  | { reason: 'TOO_LARGE'; max: number }
  | { reason: 'CELL_COUNT'; max: number }
  | { reason: 'PASSWORD_RULE' }
  | { reason: 'WRONG_PASSWORD' };

export type InputReasonName = InputReason['reason'];

/**
 * Why a CSV file is refused as a whole (FILE's `cause`, with `line` where a line is at fault): the member import's
 * page says each in German from it, where it showed the server's English message beside a general phrase (the CSV
 * probe). EMPTY: no header; NO_ROWS: a header alone; MISSING_COLUMNS: `missing` names the required columns' headers;
 * NOT_UTF8: read as UTF-8 but it is not (`found` "\ufffd"); UTF8_AS_WINDOWS_1252: UTF-8 decoded as Windows-1252
 * (`found` the misread sign, Ã¤); MIXED_ENCODING: a line of another encoding in a UTF-8 file; QUOTE_NOT_CLOSED: a
 * cell's opening quote never closed, from `line` on; CSV_SYNTAX: another CSV error at `line`; NOT_BASE64.
 */
export type FileCause =
  | 'EMPTY'
  | 'NO_ROWS'
  | 'MISSING_COLUMNS'
  | 'NOT_UTF8'
  | 'UTF8_AS_WINDOWS_1252'
  | 'MIXED_ENCODING'
  | 'QUOTE_NOT_CLOSED'
  | 'CSV_SYNTAX'
  | 'NOT_BASE64';

/** Every reason with what it means; README "Errors" lists them from here, and a test keeps the two in step. */
export const inputReasons: Readonly<Record<InputReasonName, string>> = {
  REQUIRED: 'The value is missing or blank but needed.',
  TOO_SHORT: 'Text (or a password) shorter than min characters.',
  TOO_LONG: 'Text longer than max characters.',
  MALFORMED_TEXT: 'Text with a NUL character or a lone UTF-16 surrogate.',
  CONTROL_CHARACTER:
    'Text with a character no text shows: a control character or a direction control (U+202A-U+202E, U+2066-U+2069); oneLine when a text shown on one line (a name, a title) has a line break or tab.',
  NO_LETTERS: 'Text without a letter or digit where one is needed (a name, search words).',
  OUT_OF_RANGE:
    'A number outside its range: at least min, more than above, at most max (each given when it applies); integer when it must be whole; days when it is the length of a window of days.',
  NUMBER: 'Text where a number belongs (a CSV cell: 1.250 or 51,2345); integer when it must be whole.',
  POSTAL_CODE: 'Not a German postal code of five digits.',
  UNKNOWN_POSTAL_CODE: 'A German postal code without known coordinates.',
  URL: 'Not an http(s) address of the kind asked for.',
  EMAIL: 'Not an e-mail address.',
  PHONE: 'Not a telephone number (digits, spaces and + ( ) / - only).',
  CURRENCY: 'Not an ISO 4217 currency code.',
  DATE: 'Not a calendar date written YYYY-MM-DD; with min and max, one of a year outside those years.',
  DATE_TIME: 'Not an ISO 8601 date and time with an offset; with min and max, one of a year outside those years.',
  IN_THE_PAST: 'A date or time that has passed where a future one is needed.',
  TOO_FAR_AHEAD:
    'A date or time further ahead than its rule allows (an inquiry’s quote deadline and delivery date, a quote’s validUntil: two years); max is the last day taken, YYYY-MM-DD.',
  NO_WORKING_DAY: 'A window of days with no working day (Monday to Friday), or none left from today, where hours are to be worked.',
  ORDER: 'A date, time or bound on the wrong side of the field named by other (an end before its start, a minimum above its maximum).',
  UNKNOWN_PROCESS: 'Not a DIN 8580 process code or group of the code list.',
  UNKNOWN_MATERIAL: 'Not a known material name, number or family word; suggestions are the closest known spellings (none when nothing is close).',
  UNKNOWN_CERTIFICATION: 'Not a known certification standard.',
  TOO_MANY: 'A list with more than max entries.',
  TOO_FEW: 'A list with fewer than min entries.',
  TOO_DEEP: 'Variables nested deeper than max levels, which no input of this API does.',
  DUPLICATE:
    'The same entry twice where each may appear once; for two columns of a CSV file that give one field, the two headers (columns) and the field (fills).',
  NO_MATCH: 'No member of any network holds the certificates an inquiry asks for: publishing would invite nobody.',
  NOT_AN_ID: 'Not an id of the kind the field takes.',
  NOT_A_CURSOR: 'Not a cursor of this list.',
  COMBINATION: 'Needed together with, or not allowed beside, another field or value of the request; the message names it.',
  NOT_APPLICABLE:
    'Well-formed, but the record it names or that record’s state does not take it, or not one of the values it takes (an export’s kind, network or form); the message says why.',
  ARCHIVED: 'A member that is archived: it has left its network and takes part in nothing new (a post, booking, invitation, group, registration or account).',
  FILE: 'A file that is empty, of the wrong kind or not readable as its kind; for a CSV file, why (cause, FileCause) with the line, the sign found or the columns missing where they apply.',
  TOO_LARGE: 'A file larger than max bytes.',
  CELL_COUNT: 'A CSV row with more cells than its header names columns (max); a cell may lack its quotes.',
  PASSWORD_RULE: 'A password that breaks the rule: the e-mail address, one character repeated, or the current password again.',
  WRONG_PASSWORD: 'Not the current password.',
};
