import { certificationStandards } from '../../shared/data/certifications.ts';
import { materialNamesOfFamily, type MaterialInfo } from '../../shared/data/materials.ts';
import { processes } from '../../shared/data/processes.ts';

// The code lists the filters offer, taken from the project's own tables (shared/data) so the
// portal offers exactly what the networks understand.

export interface ProcessOption {
  code: string;
  name: string;
  depth: number;
}

export interface ProcessGroup {
  code: string;
  name: string;
  options: ProcessOption[];
}

/** The DIN 8580 tree by main group, each group with its main group itself first. */
export const processTree: ProcessGroup[] = [...processes.values()]
  .filter((p) => p.path.length === 1)
  .map((main) => ({
    code: main.code,
    name: main.name,
    options: [...processes.values()].filter((p) => p.path[0] === main.code).map((p) => ({ code: p.code, name: p.name, depth: p.path.length - 1 })),
  }));

export function processName(code: string): string {
  return processes.get(code)?.name ?? code;
}

const families: MaterialInfo['family'][] = ['steel', 'stainless steel', 'tool steel', 'aluminium', 'copper alloy', 'plastic', 'other'];

export const familyNames: Record<MaterialInfo['family'], { de: string; en: string }> = {
  steel: { de: 'Stahl', en: 'Steel' },
  'stainless steel': { de: 'Nichtrostender Stahl', en: 'Stainless steel' },
  'tool steel': { de: 'Werkzeugstahl', en: 'Tool steel' },
  aluminium: { de: 'Aluminium', en: 'Aluminium' },
  'copper alloy': { de: 'Kupferlegierungen', en: 'Copper alloys' },
  plastic: { de: 'Kunststoffe', en: 'Plastics' },
  other: { de: 'Sonstige', en: 'Other' },
};

export const materialGroups = families.map((family) => ({ family, names: materialNamesOfFamily(family) }));

export const certificates: readonly string[] = certificationStandards;
