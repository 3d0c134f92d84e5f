// ISO 8601 weeks, for the capacity exchange's balance (region) and the file name of its CSV (gateway).

const day = 86_400_000;

/** The ISO 8601 week of a day given as the time of its midnight in UTC, e.g. "2026-W50". */
export function isoWeek(time: number): string {
  const date = new Date(time);
  const thursday = time + (3 - ((date.getUTCDay() + 6) % 7)) * day;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * day)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
