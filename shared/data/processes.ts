// Manufacturing processes after DIN 8580 (main groups and groups) with the
// processes of DIN 8583–8593 that the region's companies offer. Codes follow
// the numbering of the standards: main group > group > process, so "3.2.3"
// (Fräsen) lies below "3.2" (Spanen mit geometrisch bestimmten Schneiden)
// below "3" (Trennen). The list is abridged to what metal, plastics, tool
// making and machine building use; extend it here, never in the databases
// (a network service finds the new entries at its next start and gives every
// member's process mask their bits: subgraphs/network/catalog-masks.ts).

// Each with the name the standard gives it and the English one the portal shows English-speaking visitors.
const table: [code: string, name: string, english: string][] = [
  ['1', 'Urformen', 'Primary shaping'],
  ['1.1', 'Urformen aus dem flüssigen Zustand (Gießen)', 'Primary shaping from the liquid state (casting)'],
  ['1.2', 'Urformen aus dem plastischen Zustand (Spritzgießen, Extrudieren)', 'Primary shaping from the plastic state (injection moulding, extrusion)'],
  ['1.3', 'Urformen aus dem breiigen Zustand', 'Primary shaping from the pasty state'],
  [
    '1.4',
    'Urformen aus dem körnigen oder pulverförmigen Zustand (Sintern, Pulverbettverfahren)',
    'Primary shaping from the granular or powder state (sintering, powder bed fusion)',
  ],
  ['1.5', 'Urformen aus dem span- oder faserförmigen Zustand', 'Primary shaping from the chip or fibre state'],
  ['2', 'Umformen', 'Forming'],
  ['2.1', 'Druckumformen', 'Compressive forming'],
  ['2.1.1', 'Walzen', 'Rolling'],
  ['2.1.2', 'Freiformen', 'Open-die forming'],
  ['2.1.3', 'Gesenkformen (Schmieden)', 'Closed-die forming (forging)'],
  ['2.1.4', 'Eindrücken (Prägen)', 'Indenting (embossing)'],
  ['2.1.5', 'Durchdrücken (Fließpressen, Strangpressen)', 'Pushing through (impact extrusion, extrusion)'],
  ['2.2', 'Zugdruckumformen', 'Tensile-compressive forming'],
  ['2.2.1', 'Durchziehen', 'Drawing through a die'],
  ['2.2.2', 'Tiefziehen', 'Deep drawing'],
  ['2.2.3', 'Drücken', 'Spinning'],
  ['2.3', 'Zugumformen', 'Tensile forming'],
  ['2.4', 'Biegeumformen', 'Bending'],
  ['2.4.1', 'Biegen mit geradliniger Werkzeugbewegung (Abkanten)', 'Bending with a linear tool movement (press braking)'],
  ['2.4.2', 'Biegen mit drehender Werkzeugbewegung (Rohrbiegen, Rundbiegen)', 'Bending with a rotating tool movement (tube bending, roll bending)'],
  ['2.5', 'Schubumformen', 'Shear forming'],
  ['3', 'Trennen', 'Separating'],
  ['3.1', 'Zerteilen', 'Dividing'],
  ['3.1.1', 'Scherschneiden (Stanzen)', 'Shear cutting (punching)'],
  ['3.1.2', 'Messerschneiden', 'Knife cutting'],
  ['3.2', 'Spanen mit geometrisch bestimmten Schneiden', 'Cutting with geometrically defined edges'],
  ['3.2.1', 'Drehen', 'Turning'],
  ['3.2.2', 'Bohren, Senken, Reiben', 'Drilling, countersinking, reaming'],
  ['3.2.3', 'Fräsen', 'Milling'],
  ['3.2.4', 'Hobeln, Stoßen', 'Planing, shaping'],
  ['3.2.5', 'Räumen', 'Broaching'],
  ['3.2.6', 'Sägen', 'Sawing'],
  ['3.3', 'Spanen mit geometrisch unbestimmten Schneiden', 'Cutting with geometrically undefined edges'],
  ['3.3.1', 'Schleifen mit rotierendem Werkzeug', 'Grinding with a rotating tool'],
  ['3.3.2', 'Bandschleifen', 'Belt grinding'],
  ['3.3.4', 'Honen', 'Honing'],
  ['3.3.5', 'Läppen', 'Lapping'],
  ['3.3.7', 'Strahlspanen', 'Abrasive blasting'],
  ['3.4', 'Abtragen', 'Removing'],
  ['3.4.1', 'Thermisches Abtragen (Laserstrahlschneiden, Funkenerosion)', 'Thermal removing (laser cutting, electrical discharge machining)'],
  ['3.4.2', 'Chemisches Abtragen', 'Chemical removing'],
  ['3.4.3', 'Elektrochemisches Abtragen', 'Electrochemical removing'],
  ['3.5', 'Zerlegen', 'Disassembling'],
  ['3.6', 'Reinigen', 'Cleaning'],
  ['4', 'Fügen', 'Joining'],
  ['4.1', 'Zusammensetzen (Montage)', 'Putting together (assembly)'],
  ['4.3', 'An- und Einpressen', 'Pressing on and in'],
  ['4.5', 'Fügen durch Umformen (Nieten, Clinchen)', 'Joining by forming (riveting, clinching)'],
  ['4.6', 'Fügen durch Schweißen', 'Joining by welding'],
  ['4.6.1', 'Pressschweißen', 'Pressure welding'],
  ['4.6.2', 'Schmelzschweißen', 'Fusion welding'],
  ['4.7', 'Fügen durch Löten', 'Joining by soldering and brazing'],
  ['4.8', 'Kleben', 'Adhesive bonding'],
  ['5', 'Beschichten', 'Coating'],
  ['5.1', 'Beschichten aus dem flüssigen Zustand (Lackieren)', 'Coating from the liquid state (painting)'],
  ['5.4', 'Beschichten aus dem körnigen oder pulverförmigen Zustand (Pulverbeschichten)', 'Coating from the granular or powder state (powder coating)'],
  ['5.5', 'Beschichten durch Schweißen (Auftragschweißen)', 'Coating by welding (build-up welding)'],
  ['5.7', 'Beschichten aus dem gas- oder dampfförmigen Zustand (PVD, CVD)', 'Coating from the gaseous or vapour state (PVD, CVD)'],
  ['5.8', 'Beschichten aus dem ionisierten Zustand (Galvanisieren)', 'Coating from the ionised state (electroplating)'],
  ['6', 'Stoffeigenschaft ändern', 'Changing material properties'],
  ['6.1', 'Verfestigen durch Umformen', 'Strengthening by forming'],
  ['6.2', 'Wärmebehandeln (Härten, Anlassen, Glühen)', 'Heat treatment (hardening, tempering, annealing)'],
  ['6.3', 'Thermomechanisches Behandeln', 'Thermomechanical treatment'],
  ['6.4', 'Sintern, Brennen', 'Sintering, firing'],
];

export interface ProcessInfo {
  code: string;
  name: string;
  /** The name in English, for the portal's English pages; the graph gives the standard's German name. */
  english: string;
  /** Codes from the main group down to this process, e.g. ["3", "3.2", "3.2.3"]. */
  path: string[];
}

export const processes: ReadonlyMap<string, ProcessInfo> = new Map(
  table.map(([code, name, english]) => [code, { code, name, english, path: code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.')) }]),
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
