import { describe, expect, test } from 'vitest';
import { locale } from '../portal/src/i18n.ts';
import { readReason } from '../portal/src/reasons.ts';
import { type Candidate, quantities, type Requirements, scoreSupplier, tolerances } from '../shared/matching.ts';

// The supplier finder's reasons, which the graph writes in English with German process names, read back in the
// page's language (portal/src/reasons.ts). Every rule of shared/matching.ts is run over members that meet it, half
// meet it and do not, and each reason it gives must be read: a new wording there fails here until it is worded there.

const de = locale('de');
const en = locale('en');

const candidates: Candidate[] = [];
for (const processCodes of [[], ['3.2.1', '6.2'], ['3.2.3', '3.3.1', '3.3.4'], ['1.2']])
  for (const materials of [[], ['POM'], ['X5CrNi18-10', 'S235JR'], ['Unobtainium']])
    for (const employees of [null, 8, 60, 1200])
      for (const distanceKm of [null, 12.34, 120, 400])
        candidates.push({ processCodes, materials, employees, distanceKm, certificates: [{ standard: 'ISO 9001', validUntil: '2029-11-30' }] });

const requirements: Requirements[] = [];
for (const quantity of [...quantities, null])
  for (const tolerance of [...tolerances, null])
    for (const material of ['PA66', 'Edelstahl', '42CrMo4', 'Unobtainium'])
      requirements.push({
        processes: ['3.2.1', '6.2'],
        material,
        quantity,
        tolerance,
        certifications: ['ISO 9001'],
        delivery: { latitude: 51, longitude: 10 },
        maxDistanceKm: 150,
      });

describe("the supplier finder's reasons", () => {
  test('every reason the rules give is read, in German and in English', () => {
    const reasons = new Set<string>();
    for (const r of requirements) for (const c of candidates) for (const row of scoreSupplier(r, c).breakdown) reasons.add(row.reason);
    expect(reasons.size).toBeGreaterThan(25);
    const unread = [...reasons].filter((reason) => readReason(reason, de) === undefined || readReason(reason, en) === undefined);
    expect(unread).toEqual([]);
  });

  test('in German: the words, the processes and the numbers as a German page writes them', () => {
    expect(readReason('offers Spanen mit geometrisch bestimmten Schneiden; not Wärmebehandeln (Härten, Anlassen, Glühen)', de)).toBe(
      'bietet Spanen mit geometrisch bestimmten Schneiden; nicht Wärmebehandeln (Härten, Anlassen, Glühen)',
    );
    expect(readReason('1200 employees, IATF 16949 series supplier', de)).toBe('1.200 Beschäftigte, Serienlieferant nach IATF 16949');
    expect(readReason('39.5 km from the delivery location, more than 30 km', de)).toBe('39,5 km vom Lieferort, mehr als 30 km');
    expect(readReason('works plastic (POM), not PA66', de)).toBe('verarbeitet Kunststoffe (POM), nicht PA66');
    expect(readReason('valid until 2029-11-30', de)).toBe('gültig bis 30.11.2029');
  });

  test('in English: the processes in English, numbers as an English page writes them', () => {
    expect(readReason('offers Drehen', en)).toBe('offers Turning');
    expect(readReason('1200 employees', en)).toBe('1,200 employees');
    expect(readReason('works plastic (POM), not PA66', en)).toBe('works plastics (POM), not PA66');
    expect(readReason('works stainless steel (X5CrNi18-10), not X2CrNiMo17-12-2', de)).toBe(
      'verarbeitet nichtrostenden Stahl (X5CrNi18-10), nicht X2CrNiMo17-12-2',
    );
  });

  test('a reason no template reads is not guessed at', () => {
    expect(readReason('offers Zaubern', de)).toBeUndefined();
    expect(readReason('something new', en)).toBeUndefined();
  });
});
