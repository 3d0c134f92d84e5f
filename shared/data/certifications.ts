// Management-system standards that automotive and industrial buyers ask for.
export const certificationStandards = [
  'ISO 9001',
  'IATF 16949',
  'ISO 14001',
  'ISO 45001',
  'ISO 50001',
  'ISO 13485',
  'EN 9100',
  'ISO 3834',
  'EN 1090',
  'VDA 6.4',
  'TISAX',
] as const;

const byNormalised = new Map(certificationStandards.map((s) => [normalise(s), s]));

function normalise(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9.]/g, '');
}

/** Accepts "iso9001" or "ISO 9001" and returns the canonical spelling, or undefined when unknown. */
export function canonicalStandard(value: string): string | undefined {
  return byNormalised.get(normalise(value));
}
