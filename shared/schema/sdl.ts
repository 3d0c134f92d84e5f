import { readFileSync } from 'node:fs';
import { networks } from '../networks.ts';

export function readSdl(url: URL): string {
  return readFileSync(url, 'utf8');
}

/** Input types shared by region's public mutations and the networks' internal API. */
export const memberInputSdl = readSdl(new URL('./member-input.graphql', import.meta.url));

/** The NetworkCode enum, generated from the registry so a new network needs no schema edit. */
export function networkCodeEnumSdl(): string {
  const values = networks.map((n) => `  ${JSON.stringify(`${n.name}; its office: ${n.office.name}, ${n.office.city}.`)}\n  ${n.code}`);
  return `"The region's company networks, by code."\nenum NetworkCode {\n${values.join('\n')}\n}\n`;
}
