import { certificationStandards } from '../../shared/data/certifications.ts';
import { materialNamesOfFamily, type MaterialInfo } from '../../shared/data/materials.ts';
import { processes } from '../../shared/data/processes.ts';
import type { Language } from './i18n.ts';

// The code lists the filters offer, taken from the project's own tables (shared/data) so the
// portal offers exactly what the networks understand.

export interface ProcessOption {
  code: string;
  depth: number;
}

export interface ProcessGroup {
  code: string;
  options: ProcessOption[];
}

/** The DIN 8580 tree by main group, each group with its main group itself first; names by processName. */
export const processTree: ProcessGroup[] = [...processes.values()]
  .filter((p) => p.path.length === 1)
  .map((main) => ({
    code: main.code,
    options: [...processes.values()].filter((p) => p.path[0] === main.code).map((p) => ({ code: p.code, depth: p.path.length - 1 })),
  }));

/**
 * A process's name in the visitor's language: the standard's German name, or its English one. The graph answers
 * with the German name (the standard's), so the pages name a process by its code here rather than show that.
 */
export function processName(code: string, language: Language): string {
  const process = processes.get(code);
  return process ? (language === 'en' ? process.english : process.name) : code;
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
