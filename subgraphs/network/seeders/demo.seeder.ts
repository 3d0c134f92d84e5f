import type { EntityManager } from '@mikro-orm/postgresql';
import type { NetworkInfo } from '../../../shared/networks.ts';
import { MemberSchema } from '../entities/index.ts';
import { systemActor } from '../audit.ts';
import { validate, writeMembers } from '../members.ts';
import type { MemberFields } from '../validation.ts';

// Fictional demo companies for the embedded default: real towns and postal
// codes of the region, invented names, people and numbers. Deterministic per
// network, so every fresh start shows the same data.

const towns: Record<string, [postalCode: string, city: string][]> = {
  Eschwege: [
    ['37269', 'Eschwege'],
    ['37276', 'Meinhard'],
    ['37281', 'Wanfried'],
    ['37287', 'Wehretal'],
    ['37284', 'Waldkappel'],
    ['37242', 'Bad Sooden-Allendorf'],
    ['37213', 'Witzenhausen'],
    ['37235', 'Hessisch Lichtenau'],
    ['36205', 'Sontra'],
    ['37293', 'Herleshausen'],
    ['37296', 'Ringgau'],
  ],
  Eisenach: [
    ['99817', 'Eisenach'],
    ['99834', 'Gerstungen'],
    ['99842', 'Ruhla'],
    ['99848', 'Wutha-Farnroda'],
    ['99830', 'Treffurt'],
    ['99831', 'Amt Creuzburg'],
    ['36433', 'Bad Salzungen'],
    ['36448', 'Bad Liebenstein'],
    ['36456', 'Barchfeld-Immelborn'],
    ['36208', 'Wildeck'],
  ],
  Mühlhausen: [
    ['99974', 'Mühlhausen'],
    ['99998', 'Körner'],
    ['99947', 'Bad Langensalza'],
    ['99991', 'Unstrut-Hainich'],
    ['99986', 'Vogtei'],
    ['99976', 'Südeichsfeld'],
    ['37351', 'Dingelstädt'],
    ['37327', 'Leinefelde-Worbis'],
    ['99996', 'Menteroda'],
    ['37308', 'Heilbad Heiligenstadt'],
  ],
};

export interface Profile {
  trade: string[];
  processes: string[];
  materials: string[];
  services: [title: string, description: string, processes: string[]][];
  automotive: number;
}

const profiles: Record<string, Profile> = {
  machining: {
    trade: ['Präzisionstechnik', 'Zerspanungstechnik', 'CNC-Fertigung', 'Drehteile'],
    processes: ['3.2.1', '3.2.3', '3.2.2', '3.3.1', '3.3.4'],
    materials: ['42CrMo4', '1.4301', 'C45', 'AlMgSi1', '16MnCr5', 'CuZn39Pb3'],
    services: [
      ['CNC-Drehen', 'Dreh- und Drehfrästeile bis Ø 400 mm, Kleinserie und Serie', ['3.2.1']],
      ['5-Achs-Fräsen', 'Komplexe Frästeile in einer Aufspannung, Prototypen bis Serie', ['3.2.3']],
      ['Rund- und Flachschleifen', 'Schleifen gehärteter Teile mit Toleranzen bis IT5', ['3.3.1']],
    ],
    automotive: 0.6,
  },
  toolmaking: {
    trade: ['Werkzeugbau', 'Formenbau', 'Werkzeug- und Formenbau'],
    processes: ['3.2.3', '3.4.1', '3.3.1', '6.2', '4.6.2'],
    materials: ['1.2343', '1.2379', '1.2738', '1.2083'],
    services: [
      ['Spritzgießwerkzeuge', 'Konstruktion und Bau von Spritzgießwerkzeugen bis 5 t', ['3.2.3', '3.4.1']],
      ['Stanz- und Umformwerkzeuge', 'Folgeverbund- und Transferwerkzeuge für Karosserieteile', ['3.2.3', '6.2']],
      ['Senk- und Drahterodieren', 'Funkenerosive Bearbeitung von Formeinsätzen', ['3.4.1']],
    ],
    automotive: 0.7,
  },
  plastics: {
    trade: ['Kunststofftechnik', 'Kunststoffverarbeitung', 'Spritzguss'],
    processes: ['1.2', '4.8', '4.1', '3.2.3'],
    materials: ['PA6', 'PA66 GF30', 'POM', 'PP', 'ABS', 'PC', 'PBT'],
    services: [
      ['Spritzgießen', 'Technische Kunststoffteile von 1 g bis 2 kg, Schließkraft 50–650 t', ['1.2']],
      ['Baugruppenmontage', 'Montage, Kleben und Prüfen von Kunststoffbaugruppen', ['4.1', '4.8']],
    ],
    automotive: 0.6,
  },
  sheetMetal: {
    trade: ['Blechbearbeitung', 'Blechtechnik', 'Stanztechnik'],
    processes: ['3.1.1', '2.4.1', '3.4.1', '4.6.2', '2.2.2'],
    materials: ['DC01', 'S235JR', 'S355MC', '1.4301', 'AlMg3'],
    services: [
      ['Laserschneiden', 'Faserlaser bis 25 mm Baustahl, 3000 × 1500 mm', ['3.4.1']],
      ['Abkanten', 'CNC-Abkantpressen bis 4 m und 320 t', ['2.4.1']],
      ['Stanzen und Tiefziehen', 'Stanz- und Ziehteile in Großserie', ['3.1.1', '2.2.2']],
    ],
    automotive: 0.5,
  },
  machineBuilding: {
    trade: ['Sondermaschinenbau', 'Anlagenbau', 'Automatisierungstechnik'],
    processes: ['4.1', '4.6.2', '3.2.3', '3.2.1'],
    materials: ['S235JR', 'S355J2', 'AlMgSi1', '1.4571'],
    services: [
      ['Sondermaschinen', 'Montage- und Prüfanlagen nach Kundenspezifikation', ['4.1']],
      ['Vorrichtungsbau', 'Schweiß-, Prüf- und Montagevorrichtungen', ['3.2.3', '4.6.2']],
      ['Konstruktion', 'Mechanische Konstruktion mit CATIA V5 und Siemens NX', []],
    ],
    automotive: 0.4,
  },
  surface: {
    trade: ['Oberflächentechnik', 'Galvanik', 'Beschichtungen'],
    processes: ['5.4', '5.8', '5.1', '3.3.7', '6.2'],
    materials: ['S235JR', 'AlMgSi1', 'Zink', 'Nickel'],
    services: [
      ['Pulverbeschichtung', 'Pulverbeschichten von Teilen bis 6 m Länge', ['5.4']],
      ['Galvanisch Verzinken', 'Zink und Zink-Nickel für Automotive-Verbindungselemente', ['5.8']],
      ['Strahlen', 'Strahlen mit Korund und Glasperlen', ['3.3.7']],
    ],
    automotive: 0.5,
  },
  forming: {
    trade: ['Umformtechnik', 'Schmiede', 'Härterei'],
    processes: ['2.1.3', '2.1.5', '6.2', '3.2.1'],
    materials: ['42CrMo4', '38MnVS6', 'C45', '16MnCr5'],
    services: [
      ['Gesenkschmieden', 'Schmiedeteile 0,2–25 kg für Antriebsstrang und Fahrwerk', ['2.1.3']],
      ['Wärmebehandlung', 'Einsatzhärten, Vergüten, Induktionshärten', ['6.2']],
    ],
    automotive: 0.8,
  },
};

const profileWeights: Record<string, string[]> = {
  NIWE: ['machining', 'machining', 'toolmaking', 'toolmaking', 'plastics', 'sheetMetal', 'machineBuilding', 'forming'],
  LINAT: ['plastics', 'plastics', 'surface', 'sheetMetal', 'machining', 'forming'],
  KONAT: ['machineBuilding', 'machineBuilding', 'machining', 'toolmaking', 'surface'],
};

const founders = [
  'Hoffmann',
  'Becker',
  'Schäfer',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Lehmann',
  'Köhler',
  'Herrmann',
  'Walter',
  'Möller',
  'Beck',
  'Jäger',
  'Fuchs',
  'Vogel',
  'Günther',
  'Sommer',
  'Brandt',
  'Weiß',
  'Engel',
  'Ziegler',
  'Kühn',
  'Pohl',
  'Heinrich',
  'Thiele',
  'Seidel',
  'Ludwig',
  'Dietrich',
];
const regionWords = ['Werra', 'Wartburg', 'Hainich', 'Eichsfeld', 'Meißner', 'Unstrut', 'Rhön', 'Ringgau', 'Thüringer', 'Nordhessen'];
const forms = ['GmbH', 'GmbH & Co. KG', 'GmbH', 'KG', 'e.K.', 'GmbH'];
const firstNames = [
  'Anna',
  'Jens',
  'Katrin',
  'Thomas',
  'Sabine',
  'Michael',
  'Julia',
  'Stefan',
  'Claudia',
  'Andreas',
  'Nicole',
  'Frank',
  'Sandra',
  'Matthias',
  'Petra',
  'Uwe',
];
const roles = ['Geschäftsführung', 'Vertrieb', 'Arbeitsvorbereitung', 'Qualitätsmanagement', 'Einkauf', 'Konstruktion'];
const streets = [
  'Industriestraße',
  'Gewerbering',
  'Am Werratal',
  'Zum Sportplatz',
  'Hauptstraße',
  'Auf der Aue',
  'Mühlenweg',
  'Gartenstraße',
  'Am Bahnhof',
  'Lindenallee',
];

/** A small deterministic PRNG (mulberry32), so demo data is the same on every machine. */
export function random(seed: number): Random {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function some<T>(rand: Random, list: readonly T[], min: number, max: number): T[] {
  return list
    .filter(() => rand() < 0.6)
    .slice(0, max)
    .concat(list.slice(0, min))
    .filter((v, i, a) => a.indexOf(v) === i);
}

export function pickProfile(rand: Random, network: NetworkInfo): Profile {
  return profiles[pick(rand, profileWeights[network.code] ?? Object.keys(profiles))];
}

/** A company name such as "Hoffmann Präzisionstechnik GmbH"; `partners` widens the range to two founders ("Koch & Wolf ..."), for large data sets. */
export function companyName(rand: Random, profile: Profile, partners = false): string {
  const owner = rand() < 0.6 ? pick(rand, founders) : pick(rand, regionWords);
  const partner = partners && rand() < 0.7 ? ` & ${pick(rand, founders)}` : '';
  return `${owner}${partner} ${pick(rand, profile.trade)} ${pick(rand, forms)}`;
}

/** A fictional member of the network with the given profile and name: a town near one of its hubs, processes, certifications, services, contacts. */
export function fakeMember(rand: Random, network: NetworkInfo, profile: Profile, name: string): MemberFields {
  const [postalCode, city] = pick(rand, towns[pick(rand, network.hubs)]);
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const year = 2026 + Math.floor(rand() * 4);
  const certifications = [{ standard: 'ISO 9001', number: `Q-${Math.floor(rand() * 90000 + 10000)}`, validUntil: `${year}-0${1 + Math.floor(rand() * 9)}-15` }];
  if (rand() < profile.automotive)
    certifications.push({ standard: 'IATF 16949', number: `IATF-${Math.floor(rand() * 900000 + 100000)}`, validUntil: `${year}-11-30` });
  if (rand() < 0.35) certifications.push({ standard: 'ISO 14001', number: `U-${Math.floor(rand() * 90000 + 10000)}`, validUntil: `${year}-06-30` });
  const drawn = Array.from({ length: 1 + Math.floor(rand() * 2) }, (_, i) => {
    const first = pick(rand, firstNames);
    const last = pick(rand, founders);
    return {
      name: `${first} ${last}`,
      role: i === 0 ? 'Geschäftsführung' : pick(rand, roles),
      email: `${first.toLowerCase()}.${slug.slice(0, 12)}@${slug}.example`,
      phone: `+49 ${postalCode.startsWith('3') ? '5651' : '3691'} ${Math.floor(rand() * 900000 + 100000)}`,
    };
  });
  // A second draw of the first person (name and address alike) is one person, whom validation refuses twice; dropped
  // after drawing, so every other member's data stays as it was.
  const contacts = drawn.filter((c, i) => i === 0 || c.name !== drawn[0].name);
  return {
    name,
    street: `${pick(rand, streets)} ${1 + Math.floor(rand() * 60)}`,
    postalCode,
    city,
    website: `https://www.${slug}.example`,
    employees: 8 + Math.floor(rand() * rand() * 400),
    description: `${profile.trade[0]} aus ${city}. ${profile.services.map((s) => s[0]).join(', ')}.`,
    processes: some(rand, profile.processes, 2, 5),
    materials: some(rand, profile.materials, 2, 5),
    certifications,
    services: some(rand, profile.services, 1, 3).map(([title, description, processes]) => ({ title, description, processes })),
    contacts,
  };
}

export function networkSeed(network: NetworkInfo): number {
  return [...network.code].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 7);
}

export function demoMembers(network: NetworkInfo): MemberFields[] {
  const rand = random(networkSeed(network));
  const count = 40 + Math.floor(rand() * 41);
  const names = new Set<string>();
  const members: MemberFields[] = [];
  while (members.length < count) {
    const profile = pickProfile(rand, network);
    const name = companyName(rand, profile);
    if (names.has(name)) continue;
    names.add(name);
    members.push(fakeMember(rand, network, profile, name));
  }
  return members;
}

/**
 * Seeds the demo members when the network has none yet; returns how many were written. All in one
 * transaction: a start stopped half-way used to leave some of them, and the next start, finding members,
 * never wrote the rest. Validated as createMember validates, and written as one batch with an audit entry
 * each (writeMembers): 77 members one by one took 1.2 s at every first `npm start`.
 */
export async function seedDemoData(em: EntityManager, network: NetworkInfo): Promise<number> {
  return em.transactional(async (tx) => {
    // Every warm start asks; only an empty network pays for making and validating the members.
    if ((await tx.count(MemberSchema, {})) > 0) return 0;
    const members = demoMembers(network).map((member) => validate(member, false));
    const written = await writeMembers(tx, members, systemActor, 'createMember');
    await tx.flush();
    return written.length;
  });
}
