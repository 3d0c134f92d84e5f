import { describe, expect, test } from 'vitest';
import { scoreSupplier, type Candidate } from '../shared/matching.ts';

const base: Candidate = { processCodes: [], materials: [], employees: null, distanceKm: null, certificates: [] };

describe('scoreSupplier', () => {
  test('a process code is covered by the processes below it', () => {
    const { breakdown, score } = scoreSupplier({ processes: ['3.3'] }, { ...base, processCodes: ['3.3.4'] });
    expect(breakdown).toEqual([{ requirement: 'processes', status: 'MET', reason: 'offers Spanen mit geometrisch unbestimmten Schneiden' }]);
    expect(score).toBe(1);
  });

  test('a part that nobody fits scores 0, half-fits score in between', () => {
    expect(scoreSupplier({ material: 'PA66' }, { ...base, materials: ['S235JR'] }).score).toBe(0);
    expect(scoreSupplier({ material: 'PA66' }, { ...base, materials: ['POM'] })).toEqual({
      score: 0.5,
      breakdown: [{ requirement: 'material', status: 'PARTLY_MET', reason: 'works plastic (POM), not PA66' }],
    });
  });

  test("a family's word asks for any material of it: each is met", () => {
    // "Edelstahl" met none, and a stainless steel shop read "works X5CrNi18-10" beside NOT_MET.
    expect(scoreSupplier({ material: 'Edelstahl' }, { ...base, materials: ['X5CrNi18-10', 'S235JR'] })).toEqual({
      score: 1,
      breakdown: [{ requirement: 'material', status: 'MET', reason: 'works X5CrNi18-10' }],
    });
    expect(scoreSupplier({ material: 'Alu' }, { ...base, materials: ['EN AW-6082'] }).breakdown[0].status).toBe('MET');
    expect(scoreSupplier({ material: 'Edelstahl' }, { ...base, materials: ['S235JR'] }).breakdown[0].status).toBe('NOT_MET');
    // A member that wrote the word itself (a material the list lacks is stored as typed), and every steel for "Stahl".
    expect(scoreSupplier({ material: 'Edelstahl' }, { ...base, materials: ['Edelstahl'] }).breakdown[0]).toMatchObject({
      status: 'MET',
      reason: 'works Edelstahl',
    });
    expect(scoreSupplier({ material: 'Stahl' }, { ...base, materials: ['X5CrNi18-10'] }).breakdown[0].status).toBe('MET');
  });

  test('series need a company of some size; prototypes suit small ones', () => {
    expect(scoreSupplier({ quantity: 'SERIES' }, { ...base, employees: 12 }).breakdown[0].status).toBe('NOT_MET');
    expect(
      scoreSupplier({ quantity: 'SERIES' }, { ...base, employees: 12, certificates: [{ standard: 'IATF 16949', validUntil: '2099-01-01' }] }).breakdown[0]
        .status,
    ).toBe('PARTLY_MET');
    expect(scoreSupplier({ quantity: 'PROTOTYPE' }, { ...base, employees: 12 }).breakdown[0].status).toBe('MET');
    expect(scoreSupplier({ quantity: 'PROTOTYPE' }, base).breakdown[0]).toEqual({
      requirement: 'quantity',
      status: 'PARTLY_MET',
      reason: 'company size unknown',
    });
  });

  test('distance counts only with a delivery location, and beyond three times near it no longer helps', () => {
    const delivery = { latitude: 51, longitude: 10 };
    expect(scoreSupplier({ delivery }, { ...base, distanceKm: 20 }).breakdown[0]).toEqual({
      requirement: 'distance',
      status: 'MET',
      reason: '20 km from the delivery location',
    });
    expect(scoreSupplier({ delivery }, { ...base, distanceKm: 120 }).breakdown[0].status).toBe('PARTLY_MET');
    expect(scoreSupplier({ delivery }, { ...base, distanceKm: 400 }).breakdown[0].status).toBe('NOT_MET');
  });

  test('weights: processes count most', () => {
    const r = { processes: ['3.2.1'], material: '42CrMo4' };
    const processOnly = scoreSupplier(r, { ...base, processCodes: ['3.2.1'] }).score;
    const materialOnly = scoreSupplier(r, { ...base, materials: ['42CrMo4'] }).score;
    expect(processOnly).toBeCloseTo(0.4 / 0.6, 4);
    expect(materialOnly).toBeCloseTo(0.2 / 0.6, 4);
  });
});
