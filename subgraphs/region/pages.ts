import { badInput } from '../../shared/errors.ts';

/** A page size from `first`, or BAD_USER_INPUT naming the allowed range; `fallback` when the client left it out. */
export function pageSize(first: number | null | undefined, max: number, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badInput('first', `first must lie between 1 and ${max}, got ${size}.`);
  return size;
}
