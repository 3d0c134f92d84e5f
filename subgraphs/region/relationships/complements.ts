import { findProcess } from '../../../shared/data/processes.ts';

// The one rule behind partner suggestions: two members complement each other
// when a part's route runs from what one does to what the other does. The
// pairs are DIN 8580 groups (shared/data/processes.ts); a member offers a
// group when one of its processes lies at or below it. A pair holds both ways
// (the turning shop needs a hardening shop, the hardening shop needs turned
// parts), so the reason says which side does which.
//
//   first step                       → next step
//   3.2 cutting (turning, milling…)  → 6.2 heat treatment, 5 coating, 3.3 grinding
//   1.1 casting, 2.1.3 forging       → 3.2 cutting
//   2 forming (sheet metal)          → 4.6 welding
//   4.6 welding                      → 5 coating
//   6.2 heat treatment               → 3.3 grinding (to size after hardening)
export const complementaryGroups: readonly [from: string, to: string][] = [
  ['3.2', '6.2'],
  ['3.2', '5'],
  ['3.2', '3.3'],
  ['1.1', '3.2'],
  ['2.1.3', '3.2'],
  ['2', '4.6'],
  ['4.6', '5'],
  ['6.2', '3.3'],
];

/** A step of a part's route: the first group's work, then the next's, and which of the two the other member does. */
export interface Step {
  first: string;
  next: string;
  theirsIsNext: boolean;
}

export interface Complement {
  /** The group the other member should offer. */
  group: string;
  /** Why (PartnerSuggestion.steps; reasonOf words it for PartnerSuggestion.reasons). */
  step: Step;
}

const offersGroup = (codes: readonly string[], group: string) => codes.some((code) => code === group || code.startsWith(`${group}.`));
const groupName = (code: string) => findProcess(code)?.name ?? code;

/** A step in English, for API users: which of the two does the first step and which the next. */
export function reasonOf({ first, next, theirsIsNext }: Step): string {
  return `${groupName(first)} (${theirsIsNext ? 'yours' : 'theirs'}) → ${groupName(next)} (${theirsIsNext ? 'theirs' : 'yours'})`;
}

/** The groups a member with these process codes is complemented by, each once, with the first reason found. */
export function complementsOf(codes: readonly string[]): Complement[] {
  const found = new Map<string, Complement>();
  for (const [first, next] of complementaryGroups) {
    if (offersGroup(codes, first) && !found.has(next)) found.set(next, { group: next, step: { first, next, theirsIsNext: true } });
    if (offersGroup(codes, next) && !found.has(first)) found.set(first, { group: first, step: { first, next, theirsIsNext: false } });
  }
  // A group the member offers itself is no complement.
  return [...found.values()].filter((c) => !offersGroup(codes, c.group));
}
