import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CertificationSchema, ContactPersonSchema, MemberSchema, ServiceSchema, type Certification, type ContactPerson, type Member, type Service } from './entities/index.ts';

// One set of loaders per request: each field of a list of members costs one
// query for the whole list, never one per member.

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(em: EntityManager) {
  return {
    member: new DataLoader<number, Member | null>(async (ids) => {
      const rows = await em.find(MemberSchema, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((m) => [m.id, m]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    certifications: new DataLoader<number, Certification[]>(async (ids) =>
      groupByMember(ids, await em.find(CertificationSchema, { member: { $in: [...ids] } }, { orderBy: { standard: 'asc', id: 'asc' } })),
    ),
    services: new DataLoader<number, Service[]>(async (ids) =>
      groupByMember(ids, await em.find(ServiceSchema, { member: { $in: [...ids] } }, { orderBy: { id: 'asc' } })),
    ),
    contacts: new DataLoader<number, ContactPerson[]>(async (ids) =>
      groupByMember(ids, await em.find(ContactPersonSchema, { member: { $in: [...ids] } }, { orderBy: { id: 'asc' } })),
    ),
  };
}

function groupByMember<T extends { member: { id: number } }>(ids: readonly number[], rows: T[]): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.member.id)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
