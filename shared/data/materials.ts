// Materials the region's trades work with: steels by EN 10027-1 name and
// EN 10027-2 number, aluminium by EN 573 alloy designation and number,
// copper alloys, and plastics by their ISO 1043 abbreviation. A material can be
// searched by any of its spellings; members' materials are stored by name.

export interface MaterialInfo {
  name: string;
  aliases: string[];
  family: 'steel' | 'stainless steel' | 'tool steel' | 'aluminium' | 'copper alloy' | 'plastic' | 'other';
}

const table: MaterialInfo[] = [
  { name: 'S235JR', aliases: ['1.0038'], family: 'steel' },
  { name: 'S355J2', aliases: ['1.0577'], family: 'steel' },
  { name: 'S355MC', aliases: ['1.0976'], family: 'steel' },
  { name: 'DC01', aliases: ['1.0330'], family: 'steel' },
  { name: 'DC04', aliases: ['1.0338'], family: 'steel' },
  { name: 'C45', aliases: ['1.0503', 'C45E', '1.1191'], family: 'steel' },
  { name: '11SMnPb30', aliases: ['1.0718'], family: 'steel' },
  { name: '16MnCr5', aliases: ['1.7131'], family: 'steel' },
  { name: '42CrMo4', aliases: ['1.7225'], family: 'steel' },
  { name: '34CrNiMo6', aliases: ['1.6582'], family: 'steel' },
  { name: '38MnVS6', aliases: ['1.1303'], family: 'steel' },
  { name: '100Cr6', aliases: ['1.3505'], family: 'steel' },
  { name: 'X5CrNi18-10', aliases: ['1.4301', 'V2A', 'AISI 304'], family: 'stainless steel' },
  { name: 'X2CrNiMo17-12-2', aliases: ['1.4404', 'AISI 316L'], family: 'stainless steel' },
  { name: 'X6CrNiMoTi17-12-2', aliases: ['1.4571', 'V4A'], family: 'stainless steel' },
  { name: 'X37CrMoV5-1', aliases: ['1.2343'], family: 'tool steel' },
  { name: 'X153CrMoV12', aliases: ['1.2379'], family: 'tool steel' },
  { name: '40CrMnNiMo8-6-4', aliases: ['1.2738'], family: 'tool steel' },
  { name: 'X42Cr13', aliases: ['1.2083'], family: 'tool steel' },
  { name: 'EN AW-6082', aliases: ['AlSi1MgMn', 'AlMgSi1', '3.2315'], family: 'aluminium' },
  { name: 'EN AW-6060', aliases: ['AlMgSi0,5', 'AlMgSi0.5', '3.3206'], family: 'aluminium' },
  { name: 'EN AW-5754', aliases: ['AlMg3', '3.3535'], family: 'aluminium' },
  { name: 'EN AW-7075', aliases: ['AlZn5,5MgCu', 'AlZnMgCu1,5', '3.4365'], family: 'aluminium' },
  { name: 'EN AW-2024', aliases: ['AlCu4Mg1', '3.1355'], family: 'aluminium' },
  { name: 'CW614N', aliases: ['CuZn39Pb3', '2.0401'], family: 'copper alloy' },
  { name: 'CW004A', aliases: ['Cu-ETP', '2.0065'], family: 'copper alloy' },
  { name: 'PA6', aliases: ['Polyamid 6'], family: 'plastic' },
  { name: 'PA66', aliases: ['Polyamid 66'], family: 'plastic' },
  { name: 'PA66 GF30', aliases: ['PA66-GF30'], family: 'plastic' },
  { name: 'POM', aliases: ['Polyoxymethylen'], family: 'plastic' },
  { name: 'PP', aliases: ['Polypropylen'], family: 'plastic' },
  { name: 'PE-HD', aliases: ['HDPE'], family: 'plastic' },
  { name: 'ABS', aliases: [], family: 'plastic' },
  { name: 'PC', aliases: ['Polycarbonat'], family: 'plastic' },
  { name: 'PBT', aliases: [], family: 'plastic' },
  { name: 'PEEK', aliases: [], family: 'plastic' },
  { name: 'PMMA', aliases: ['Acrylglas'], family: 'plastic' },
  { name: 'Zink', aliases: ['Zn'], family: 'other' },
  { name: 'Nickel', aliases: ['Ni'], family: 'other' },
];

/** Every listed material, in the list's order, which is the order of the bits of a member's material mask (shared/matching.ts). */
export const materials: readonly MaterialInfo[] = table;

function key(value: string): string {
  return value.toLowerCase().replace(/[\s,.-]+/g, '');
}

const byKey = new Map<string, MaterialInfo>();
for (const material of table) for (const spelling of [material.name, ...material.aliases]) byKey.set(key(spelling), material);

export function findMaterial(value: string): MaterialInfo | undefined {
  return byKey.get(key(value));
}

/** The spelling stored for a member: the list's name for a known material, the trimmed input otherwise. */
export function canonicalMaterial(value: string): string {
  return findMaterial(value)?.name ?? value.trim();
}

// The words buyers type for a whole family ("Edelstahl", "Alu"), German and English: each stands for every listed
// material of it. "Edelstahl" matched no member (a filter of none, and NOT_MET beside "works X5CrNi18-10") while 44
// of the demo's members work stainless steel (the search probe).
// "Stahl" is every steel: a stainless or tool steel shop works steel too.
const steels: MaterialInfo['family'][] = ['steel', 'stainless steel', 'tool steel'];
const familyNames: readonly (readonly [word: string, families: readonly MaterialInfo['family'][]])[] = [
  ['Stahl', steels],
  ['steel', steels],
  ['Edelstahl', ['stainless steel']],
  ['rostfrei', ['stainless steel']],
  ['Nirosta', ['stainless steel']],
  ['Inox', ['stainless steel']],
  ['stainless steel', ['stainless steel']],
  ['Werkzeugstahl', ['tool steel']],
  ['tool steel', ['tool steel']],
  ['Aluminium', ['aluminium']],
  ['aluminum', ['aluminium']],
  ['Alu', ['aluminium']],
  ['Kupferlegierung', ['copper alloy']],
  ['copper alloy', ['copper alloy']],
  ['Kunststoff', ['plastic']],
  ['Kunststoffe', ['plastic']],
  ['plastic', ['plastic']],
  ['plastics', ['plastic']],
];
const familyWords = new Map(familyNames.map(([word, families]) => [key(word), families]));

/** The families a word names as a whole ("Edelstahl", "Alu"), or undefined for a material's own name or an unknown word. */
export function findFamily(value: string): readonly MaterialInfo['family'][] | undefined {
  return familyWords.get(key(value));
}

/** Internal API version since which a network reads a family's word as its materials (shared/internal-api.ts). */
export const familiesSince = '1.4';

/** True when one of the values is a family's word rather than a listed material: a network before 1.4 misreads it. */
export function namesFamily(values: readonly string[]): boolean {
  return values.some((value) => !findMaterial(value) && findFamily(value) !== undefined);
}

/** Every spelling (names and aliases) of every listed material of the families: what a member may have stored for them. */
export function familySpellings(families: readonly MaterialInfo['family'][]): string[] {
  return table.filter((m) => families.includes(m.family)).flatMap((m) => [m.name, ...m.aliases]);
}

/** The stored names of every listed material of a family. */
export function materialNamesOfFamily(family: MaterialInfo['family']): string[] {
  return table.filter((m) => m.family === family).map((m) => m.name);
}

/**
 * What a member's materials add to its searchable text: each listed material by its name, its other spellings and
 * the words for its families ("Edelstahl", "Kunststoff"), a material the list lacks as stored. A buyer types
 * "POM", "V2A" or "Edelstahl" into the search box as often as into the materials filter, and the text found no
 * member for them whose profile listed the material (the search probe: "POM" 0 hits). Written with the materials
 * (subgraphs/network/members.ts), like the process names; a spelling added to the list reaches a member's text
 * when its materials are written next.
 */
export function materialSearchText(stored: readonly string[]): string {
  const words = stored.flatMap((value) => {
    const material = findMaterial(value);
    if (!material) return [value];
    const families = familyNames.filter(([, of]) => of.includes(material.family)).map(([word]) => word);
    return [material.name, ...material.aliases, ...families];
  });
  return [...new Set(words)].join(' ');
}

/** One edit apart (a letter added, left out, changed, or two neighbours swapped), or equal. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number) => x.slice(from);
  return (
    rest(a, i + 1) === rest(b, i + 1) ||
    rest(a, i + 1) === rest(b, i) ||
    rest(a, i) === rest(b, i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2))
  );
}

/**
 * The listed spellings (names, numbers, other spellings, family words) closest to a value the list lacks, at most
 * `max`, one per material: those one edit away ("42CrMo" → 42CrMo4, "Edelsthal" → Edelstahl), then those that
 * begin or end with it ("AW-6082" → EN AW-6082). One edit, as the text search allows one typo; from 3 characters on,
 * since a value of two ("PE") is one edit from six listed ones, and the beginning or end from 4 ("Poly" begins five).
 * Empty for a value far from all ("Unobtainium").
 */
export function closeMaterialSpellings(value: string, max = 3): string[] {
  const typed = key(value);
  if (typed.length < 3) return [];
  const spellings = [...table.map((material) => [material.name, ...material.aliases]), ...familyNames.map(([word]) => [word])];
  const close = spellings.flatMap((of) => {
    const typo = of.find((spelling) => oneEditApart(typed, key(spelling)));
    if (typo) return [{ spelling: typo, edits: 1 }];
    const affix = typed.length >= 4 ? of.find((spelling) => key(spelling).startsWith(typed) || key(spelling).endsWith(typed)) : undefined;
    return affix ? [{ spelling: affix, edits: 2 }] : [];
  });
  return [...new Set(close.sort((a, b) => a.edits - b.edits).map((c) => c.spelling))].slice(0, max);
}
