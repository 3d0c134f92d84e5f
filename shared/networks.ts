// The service registry: the single place that knows which networks exist, what
// the other services are called, where each listens by default and where the
// local state lives. Adding a network is an entry here plus `npm run compose`;
// the code is shared.

export interface NetworkOffice {
  name: string;
  email: string;
  phone: string;
  city: string;
}

export interface NetworkInfo {
  code: string;
  name: string;
  focus: string[];
  office: NetworkOffice;
  /** Default port of the network's subgraph; overridden by its URL variable. */
  port: number;
  /** Towns around which the demo members of this network are seeded. */
  hubs: string[];
}

export const networks: readonly NetworkInfo[] = [
  {
    code: 'NIWE',
    name: 'NIWE – Netzwerk Industrie Werra',
    focus: ['Metallbearbeitung', 'Kunststoffverarbeitung', 'Werkzeugbau', 'Sondermaschinenbau', 'Automotive'],
    office: { name: 'Netzwerkbüro NIWE', email: 'buero@niwe.example', phone: '+49 5651 000100', city: 'Eschwege' },
    port: 4001,
    hubs: ['Eschwege', 'Eisenach'],
  },
  {
    code: 'LINAT',
    name: 'LINAT – Leichtbau- und Industrienetzwerk Nordthüringen',
    focus: ['Leichtbau', 'Kunststofftechnik', 'Oberflächentechnik', 'Automotive'],
    office: { name: 'Netzwerkbüro LINAT', email: 'buero@linat.example', phone: '+49 3601 000200', city: 'Mühlhausen' },
    port: 4002,
    hubs: ['Mühlhausen', 'Eschwege'],
  },
  {
    code: 'KONAT',
    name: 'KONAT – Konstruktions- und Automatisierungsnetzwerk Thüringen',
    focus: ['Konstruktion und CAD', 'Automatisierung', 'Sondermaschinenbau', 'Elektrotechnik'],
    office: { name: 'Netzwerkbüro KONAT', email: 'buero@konat.example', phone: '+49 3691 000300', city: 'Eisenach' },
    port: 4003,
    hubs: ['Eisenach', 'Mühlhausen'],
  },
];

export type NetworkCode = string;

export function findNetwork(code: string): NetworkInfo | undefined {
  return networks.find((n) => n.code === code);
}

/** `NIWE` -> `NiweMember`: the concrete member type each network contributes to the graph. */
export function memberTypeName(code: string): string {
  return `${code.charAt(0) + code.slice(1).toLowerCase()}Member`;
}

export function networkOfMemberType(typename: string): NetworkInfo | undefined {
  return networks.find((n) => memberTypeName(n.code) === typename);
}

/** The gateway: default port 4000, the port `npm start` publishes. */
export const gatewayService = { name: 'gateway', port: 4000 } as const;

/** Region: its name in the supergraph and in request signatures, and its default port after the networks'. */
export const regionService = { name: 'region', port: 4004 } as const;

/** Every subgraph by its supergraph name: niwe, linat, konat, region. */
export function subgraphNames(): string[] {
  return [...networks.map((n) => n.code.toLowerCase()), regionService.name];
}

/** The database a service gets on a shared server (npm start, tests with a prefix): irm_niwe, …, irm_region. */
export function serviceDatabase(service: string, prefix = 'irm'): string {
  return `${prefix}_${service.toLowerCase()}`;
}

/** Where the embedded default keeps its state, inside DATA_DIR (default `.data`). */
export const dataPaths = {
  defaultDataDir: '.data',
  /** Port of the embedded PostgreSQL (PG_PORT); beside the services' 4000-4004, out of PostgreSQL's usual 5432. */
  defaultPgPort: 54329,
  postgres: 'postgres',
  /** The embedded server's superuser password, beside its data folder (shared/postgres.ts). */
  postgresPassword: 'postgres-password',
  jwtSecret: 'jwt-secret',
  /** One file per service, by its supergraph name. */
  subgraphSecrets: 'subgraph-secrets',
  webhookKey: 'webhook-key',
  attachments: 'attachments',
} as const;
