// Manufacturing processes after DIN 8580 (main groups and groups) with the
// processes of DIN 8583–8593 that the region's companies offer. Codes follow
// the numbering of the standards: main group > group > process, so "3.2.3"
// (Fräsen) lies below "3.2" (Spanen mit geometrisch bestimmten Schneiden)
// below "3" (Trennen). The list is abridged to what metal, plastics, tool
// making and machine building use; extend it here, never in the databases
// (a network service finds the new entries at its next start and gives every
// member's process mask their bits: subgraphs/network/catalog-masks.ts).

const table: [code: string, name: string][] = [
  ['1', 'Urformen'],
  ['1.1', 'Urformen aus dem flüssigen Zustand (Gießen)'],
  ['1.2', 'Urformen aus dem plastischen Zustand (Spritzgießen, Extrudieren)'],
  ['1.3', 'Urformen aus dem breiigen Zustand'],
  ['1.4', 'Urformen aus dem körnigen oder pulverförmigen Zustand (Sintern, Pulverbettverfahren)'],
  ['1.5', 'Urformen aus dem span- oder faserförmigen Zustand'],
  ['2', 'Umformen'],
  ['2.1', 'Druckumformen'],
  ['2.1.1', 'Walzen'],
  ['2.1.2', 'Freiformen'],
  ['2.1.3', 'Gesenkformen (Schmieden)'],
  ['2.1.4', 'Eindrücken (Prägen)'],
  ['2.1.5', 'Durchdrücken (Fließpressen, Strangpressen)'],
  ['2.2', 'Zugdruckumformen'],
  ['2.2.1', 'Durchziehen'],
  ['2.2.2', 'Tiefziehen'],
  ['2.2.3', 'Drücken'],
  ['2.3', 'Zugumformen'],
  ['2.4', 'Biegeumformen'],
  ['2.4.1', 'Biegen mit geradliniger Werkzeugbewegung (Abkanten)'],
  ['2.4.2', 'Biegen mit drehender Werkzeugbewegung (Rohrbiegen, Rundbiegen)'],
  ['2.5', 'Schubumformen'],
  ['3', 'Trennen'],
  ['3.1', 'Zerteilen'],
  ['3.1.1', 'Scherschneiden (Stanzen)'],
  ['3.1.2', 'Messerschneiden'],
  ['3.2', 'Spanen mit geometrisch bestimmten Schneiden'],
  ['3.2.1', 'Drehen'],
  ['3.2.2', 'Bohren, Senken, Reiben'],
  ['3.2.3', 'Fräsen'],
  ['3.2.4', 'Hobeln, Stoßen'],
  ['3.2.5', 'Räumen'],
  ['3.2.6', 'Sägen'],
  ['3.3', 'Spanen mit geometrisch unbestimmten Schneiden'],
  ['3.3.1', 'Schleifen mit rotierendem Werkzeug'],
  ['3.3.2', 'Bandschleifen'],
  ['3.3.4', 'Honen'],
  ['3.3.5', 'Läppen'],
  ['3.3.7', 'Strahlspanen'],
  ['3.4', 'Abtragen'],
  ['3.4.1', 'Thermisches Abtragen (Laserstrahlschneiden, Funkenerosion)'],
  ['3.4.2', 'Chemisches Abtragen'],
  ['3.4.3', 'Elektrochemisches Abtragen'],
  ['3.5', 'Zerlegen'],
  ['3.6', 'Reinigen'],
  ['4', 'Fügen'],
  ['4.1', 'Zusammensetzen (Montage)'],
  ['4.3', 'An- und Einpressen'],
  ['4.5', 'Fügen durch Umformen (Nieten, Clinchen)'],
  ['4.6', 'Fügen durch Schweißen'],
  ['4.6.1', 'Pressschweißen'],
  ['4.6.2', 'Schmelzschweißen'],
  ['4.7', 'Fügen durch Löten'],
  ['4.8', 'Kleben'],
  ['5', 'Beschichten'],
  ['5.1', 'Beschichten aus dem flüssigen Zustand (Lackieren)'],
  ['5.4', 'Beschichten aus dem körnigen oder pulverförmigen Zustand (Pulverbeschichten)'],
  ['5.5', 'Beschichten durch Schweißen (Auftragschweißen)'],
  ['5.7', 'Beschichten aus dem gas- oder dampfförmigen Zustand (PVD, CVD)'],
  ['5.8', 'Beschichten aus dem ionisierten Zustand (Galvanisieren)'],
  ['6', 'Stoffeigenschaft ändern'],
  ['6.1', 'Verfestigen durch Umformen'],
  ['6.2', 'Wärmebehandeln (Härten, Anlassen, Glühen)'],
  ['6.3', 'Thermomechanisches Behandeln'],
  ['6.4', 'Sintern, Brennen'],
];

export interface ProcessInfo {
  code: string;
  name: string;
  /** Codes from the main group down to this process, e.g. ["3", "3.2", "3.2.3"]. */
  path: string[];
}

export const processes: ReadonlyMap<string, ProcessInfo> = new Map(
  table.map(([code, name]) => [code, { code, name, path: code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) }]),
);

export function findProcess(code: string): ProcessInfo | undefined {
  return processes.get(code);
}

/** The code itself and every process below it in the hierarchy. */
export function processAndDescendants(code: string): string[] {
  return [...processes.keys()].filter((c) => c === code || c.startsWith(`${code}.`));
}

/** A process as the graph shows it: code, name, main group and the names down the hierarchy. */
export function processView(code: string) {
  const process = findProcess(code);
  if (!process) return null;
  const names = process.path.map((c) => findProcess(c)?.name ?? c);
  return { code, name: process.name, mainGroup: names[0], path: names };
}
