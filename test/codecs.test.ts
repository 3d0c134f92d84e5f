import { describe, expect, test } from 'vitest';
import { contactIds, idCodec, memberIds, serviceIds } from '../shared/ids.ts';
import { idempotencyKey, isoDate, isoDateTime, pageSize } from '../shared/validation.ts';

// The one codec per kind of id, the one page-size check and the idempotency-key check every service uses.

describe('network ids', () => {
  test('format and parse are inverse for members, contact persons and services', () => {
    for (const codec of [memberIds, contactIds, serviceIds]) {
      const id = codec.format('KONAT', 42);
      expect(codec.parse(id)).toMatchObject({ network: { code: 'KONAT' }, localId: 42 });
    }
    expect(memberIds.format('NIWE', 7)).toBe('NIWE:m-7');
    expect(contactIds.format('NIWE', 7)).toBe('NIWE:c-7');
    expect(serviceIds.format('NIWE', 7)).toBe('NIWE:s-7');
  });

  test('another kind, an unknown network, a leading zero or 16 digits are refused with the argument named', () => {
    expect(() => contactIds.parse('NIWE:m-1', 'contact')).toThrow(
      '"NIWE:m-1" is not a contact person id; they look like NIWE:c-12 (network code, then c- and a number).',
    );
    for (const id of ['FOO:m-1', 'NIWE:m-01', `NIWE:m-${'1'.repeat(16)}`, 'niwe:m-1']) {
      expect(() => memberIds.parse(id), id).toThrow(/look like NIWE:m-42/);
    }
    const thrown = (() => {
      try {
        memberIds.parse('x', 'input.memberId');
      } catch (error) {
        return error as { extensions: unknown };
      }
    })();
    expect(thrown?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberId', reason: 'NOT_AN_ID' });
  });
});

describe('region ids', () => {
  const codec = idCodec('inq', 'an inquiry');

  test('round trip up to the largest safe integer, and not beyond it', () => {
    expect(codec.parse(codec.format(5083124978213377))).toBe(5083124978213377);
    expect(codec.parse('inq-9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => codec.parse('inq-9007199254740993', 'inquiryId')).toThrow(
      'inquiryId "inq-9007199254740993" is not an inquiry id; they look like inq-5083124978213377.',
    );
    expect(() => codec.parse('q-12')).toThrow(/is not an inquiry id/);
  });
});

describe('page sizes', () => {
  test('the fallback when first is left out, the range checked otherwise', () => {
    expect(pageSize(undefined, 100)).toBe(20);
    expect(pageSize(null, 50, { fallback: 10 })).toBe(10);
    expect(pageSize(0, 1001, { min: 0 })).toBe(0);
    expect(pageSize(100, 100)).toBe(100);
    for (const first of [0, 101, 2.5, Number.NaN]) expect(() => pageSize(first, 100), String(first)).toThrow(`first must lie between 1 and 100, got ${first}.`);
  });
});

describe('idempotency keys', () => {
  test('kept as sent; blank, over 200 characters or malformed text refused', () => {
    expect(idempotencyKey(' order-4711 ')).toBe(' order-4711 ');
    expect(idempotencyKey('k'.repeat(200))).toHaveLength(200);
    for (const key of ['', '   ', 'k'.repeat(201)])
      expect(() => idempotencyKey(key)).toThrow('idempotencyKey must be 1 to 200 characters, for example a UUID.');
    expect(() => idempotencyKey('a\u0000b')).toThrow(/NUL/);
  });
});

describe('dates and times', () => {
  test('an ISO 8601 date and time with an offset is the instant it names', () => {
    expect(isoDateTime('at', '2027-03-10T09:00:00+01:00').toISOString()).toBe('2027-03-10T08:00:00.000Z');
    expect(isoDateTime('at', '2027-03-10T09:00Z').toISOString()).toBe('2027-03-10T09:00:00.000Z');
    expect(isoDateTime('at', '2028-02-29T23:59:59.123456-05:30').toISOString()).toBe('2028-03-01T05:29:59.123Z');
    // As other clients write it: RFC 3339's lower-case t and z, PHP's offset without a colon.
    expect(isoDateTime('at', '2027-03-10t09:00:00z').toISOString()).toBe('2027-03-10T09:00:00.000Z');
    expect(isoDateTime('at', '2027-03-10T09:00:00+0100').toISOString()).toBe('2027-03-10T08:00:00.000Z');
  });

  test('one without an offset, or off the calendar or the clock, is DATE_TIME for its field, never moved to another instant', () => {
    for (const value of [
      '2027-03-10T09:00',
      '2027-03-10T09:00:00',
      '2027-03-10',
      '2027-02-31T12:00:00Z',
      '2027-02-29T12:00:00Z',
      '2027-04-31T24:00:00Z',
      '2027-03-10T24:00:00Z',
      '2027-03-10T09:60:00Z',
      '2027-03-10T09:00:60Z',
      '2027-03-10T09:00:00+24:00',
      '2027-03-10T09:00:00+01:60',
      '1899-12-31T12:00:00Z',
      ' 2027-03-10T09:00:00Z',
    ]) {
      let error: unknown;
      try {
        isoDateTime('startsAt', value);
      } catch (e) {
        error = e;
      }
      expect((error as { extensions?: unknown })?.extensions, value).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt', reason: 'DATE_TIME' });
    }
  });
});

describe('the years of dates and times', () => {
  /** What a check throws, as a client reads it. */
  const refusal = (check: () => unknown) => {
    try {
      check();
    } catch (error) {
      const { message, extensions } = error as { message: string; extensions: unknown };
      return { message, extensions };
    }
    throw new Error('the check passed');
  };

  test('1900 to 2999, the first and last day included', () => {
    expect(isoDate('from', '1900-01-01')).toBe('1900-01-01');
    expect(isoDate('from', '2999-12-31')).toBe('2999-12-31');
    // The year as written: late on the last day west of Greenwich is 3000 in UTC.
    expect(isoDateTime('startsAt', '2999-12-31T23:00:00-05:00').toISOString()).toBe('3000-01-01T04:00:00.000Z');
  });

  test('a date or time written right but of another year is told the years, not that it is written wrong', () => {
    expect(refusal(() => isoDate('input.from', '9999-12-27'))).toEqual({
      message: 'input.from must lie in the years 1900 to 2999, got "9999-12-27".',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.from', reason: 'DATE', min: 1900, max: 2999 },
    });
    expect(refusal(() => isoDateTime('input.startsAt', '3000-01-14T15:00:00+01:00'))).toEqual({
      message: 'input.startsAt must lie in the years 1900 to 2999, got "3000-01-14T15:00:00+01:00".',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.startsAt', reason: 'DATE_TIME', min: 1900, max: 2999 },
    });
    // A leap day of year 48 is a day of the calendar (Date.UTC took it for 1948's); its year is what is wrong.
    for (const value of ['1899-12-31', '0048-02-29', '0000-01-01'])
      expect(refusal(() => isoDate('from', value)).extensions, value).toMatchObject({ reason: 'DATE', min: 1900, max: 2999 });
    // What is not written as a date (or not on the calendar) still says so, without years.
    for (const value of ['9999-13-01', '3000-02-29', '27.12.9999'])
      expect(
        refusal(() => isoDate('from', value)),
        value,
      ).toEqual({
        message: `from must be a calendar date written YYYY-MM-DD, got "${value}".`,
        extensions: { code: 'BAD_USER_INPUT', field: 'from', reason: 'DATE' },
      });
  });
});
