import { describe, expect, test } from 'vitest';
import { hoursPerWeek, isoWeek, parseDate, workingDays } from '../subgraphs/region/capacity/calendar.ts';

describe('calendar', () => {
  test('ISO weeks, including the turn of the year', () => {
    expect(isoWeek(parseDate('2026-12-07'))).toBe('2026-W50');
    expect(isoWeek(parseDate('2026-12-31'))).toBe('2026-W53');
    expect(isoWeek(parseDate('2027-01-04'))).toBe('2027-W01');
    expect(isoWeek(parseDate('2021-01-03'))).toBe('2020-W53');
  });

  test('working days exclude weekends', () => {
    expect(workingDays('2026-12-07', '2026-12-13')).toBe(5);
    expect(workingDays('2026-12-12', '2026-12-13')).toBe(0);
    expect(workingDays('2026-12-10', '2026-12-15')).toBe(4);
  });

  test('hours spread over the working days of the window, per week, clipped', () => {
    // Thu 10 Dec to Tue 15 Dec: 2 working days in W50, 2 in W51.
    expect(Object.fromEntries(hoursPerWeek(40, '2026-12-10', '2026-12-15', '2026-01-01', '2026-12-31'))).toEqual({ '2026-W50': 20, '2026-W51': 20 });
    expect(Object.fromEntries(hoursPerWeek(40, '2026-12-10', '2026-12-15', '2026-12-14', '2026-12-31'))).toEqual({ '2026-W51': 20 });
  });
});
