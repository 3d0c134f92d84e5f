import { expect, test } from 'vitest';
import {
  emptySearch,
  readSearch,
  readSuppliers,
  filtered,
  searchFilter,
  searchOrder,
  supplierRequirements,
  writeSearch,
  writeSuppliers,
  type SearchState,
} from '../portal/src/search-state.ts';

// The portal's URL is its search: what a bookmark holds must come back as the same search.

const full: SearchState = {
  text: 'Fräs & Dreh',
  networks: ['NIWE', 'KONAT'],
  processes: ['3.2', '4.6.2'],
  materials: ['42CrMo4', 'EN AW-6082'],
  certifications: ['IATF 16949', 'ISO 9001'],
  postalCode: '37269',
  radiusKm: 50,
  employeesMin: 20,
  employeesMax: 250,
  sort: 'DISTANCE',
  after: 'opaque+cursor/=',
};

test('a search written to the URL reads back the same', () => {
  expect(readSearch(new URLSearchParams(writeSearch(full)))).toEqual(full);
  expect(writeSearch(emptySearch)).toBe('');
  expect(readSearch(new URLSearchParams(''))).toEqual({
    ...emptySearch,
    radiusKm: undefined,
    employeesMin: undefined,
    employeesMax: undefined,
    sort: undefined,
    after: undefined,
  });
});

test('a hand-edited URL cannot send what the graph refuses', () => {
  const state = readSearch(new URLSearchParams('n=NIWE&n=EVIL&sort=PRICE&r=-5&emin=abc&emax=10'));
  expect(state.networks).toEqual(['NIWE']);
  expect(state.sort).toBeUndefined();
  expect(state.radiusKm).toBeUndefined();
  expect(state.employeesMin).toBeUndefined();
  expect(state.employeesMax).toBe(10);
  // A radius of 0 km is none (the graph refused it, and the whole list failed).
  expect(readSearch(new URLSearchParams('plz=99817&r=0')).radiusKm).toBeUndefined();
});

test('an order asked for where it cannot be had is left to the graph: by distance without a postal code, by relevance without words', () => {
  // The graph refused them ("orderBy DISTANCE needs filter.near"), and the page showed no list at all.
  expect(searchOrder(readSearch(new URLSearchParams('q=Fräsen&sort=DISTANCE')))).toBeUndefined();
  expect(searchOrder(readSearch(new URLSearchParams('sort=RELEVANCE')))).toBeUndefined();
  expect(searchOrder(readSearch(new URLSearchParams('q=Fräsen&plz=99817&sort=DISTANCE')))).toBe('DISTANCE');
  expect(searchOrder(readSearch(new URLSearchParams('q=Fräsen&sort=RELEVANCE')))).toBe('RELEVANCE');
  expect(searchOrder(readSearch(new URLSearchParams('sort=NAME')))).toBe('NAME');
  // No hits for words alone are the words' doing; with a filter, perhaps the filter's.
  expect(filtered(readSearch(new URLSearchParams('q=Edelstahl')))).toBe(false);
  expect(filtered(readSearch(new URLSearchParams('q=Edelstahl&m=1.4301')))).toBe(true);
});

test('the filter sent: only what is set, a postal code without radius searches the whole region around it', () => {
  expect(searchFilter(emptySearch)).toEqual({});
  expect(searchFilter({ ...emptySearch, text: '  Fräs ', postalCode: '99817' })).toEqual({ text: 'Fräs', near: { postalCode: '99817', radiusKm: 500 } });
  expect(searchFilter(full)).toEqual({
    text: 'Fräs & Dreh',
    networks: ['NIWE', 'KONAT'],
    processes: ['3.2', '4.6.2'],
    materials: ['42CrMo4', 'EN AW-6082'],
    certifications: ['IATF 16949', 'ISO 9001'],
    near: { postalCode: '37269', radiusKm: 50 },
    employees: { min: 20, max: 250 },
  });
});

test('a part request reads back the same, and asks nothing until it names a process, material or certificate', () => {
  const request = {
    processes: ['3.2.1'],
    material: '42CrMo4',
    quantity: 'SERIES' as const,
    tolerance: 'FINE' as const,
    certifications: ['ISO 9001'],
    postalCode: '99817',
    maxDistanceKm: 80,
  };
  expect(readSuppliers(new URLSearchParams(writeSuppliers(request)))).toEqual(request);
  expect(supplierRequirements({ processes: [], material: '', certifications: [], postalCode: '99817', maxDistanceKm: 80 })).toBeUndefined();
  expect(supplierRequirements({ ...request, postalCode: '' })).toEqual({
    processes: ['3.2.1'],
    material: '42CrMo4',
    quantity: 'SERIES',
    tolerance: 'FINE',
    certifications: ['ISO 9001'],
  });
  expect(supplierRequirements(request)).toMatchObject({ deliveryLocation: { postalCode: '99817' }, maxDistanceKm: 80 });
});
