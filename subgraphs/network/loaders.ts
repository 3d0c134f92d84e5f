import DataLoader from 'dataloader';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { PoolMode } from '../../shared/pg-connection.ts';
import { preparedLoad, preparedQuery, type KeyedLoad } from '../../shared/prepared.ts';
import { closeSpellingsText, type SpellingsLookup } from './search.ts';
import {
  CertificationSchema,
  ContactPersonSchema,
  MemberSchema,
  ServiceSchema,
  type Certification,
  type ContactPerson,
  type Member,
  type Service,
} from './entities/index.ts';

// One set of loaders per request: each field of a list of members costs one
// query for the whole list, never one per member. The queries are prepared
// once per service (shared/prepared.ts).

export interface MemberReads {
  members: KeyedLoad<Member>;
  certifications: KeyedLoad<Certification>;
  services: KeyedLoad<Service>;
  contacts: KeyedLoad<ContactPerson>;
  /** The search's close spellings (search.ts), the one statement of a search whose text never changes. */
  closeSpellings: SpellingsLookup;
}

export async function prepareMemberReads(orm: MikroORM, poolMode: PoolMode = 'session'): Promise<MemberReads> {
  const [members, certifications, services, contacts, spellings] = await Promise.all([
    preparedLoad(orm, MemberSchema, 'id', 'id', poolMode),
    preparedLoad(orm, CertificationSchema, 'member_id', 'standard, id', poolMode),
    preparedLoad(orm, ServiceSchema, 'member_id', 'id', poolMode),
    preparedLoad(orm, ContactPersonSchema, 'member_id', 'id', poolMode),
    preparedQuery<{ i: number; word: string }>(orm, 'irm_close_spellings', closeSpellingsText('$1'), poolMode),
  ]);
  return { members, certifications, services, contacts, closeSpellings: (words) => spellings([words]) };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(em: EntityManager, reads: MemberReads) {
  return {
    member: new DataLoader<number, Member | null>(async (ids) => {
      const byId = new Map((await reads.members(em, ids)).map((m) => [m.id, m]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    certifications: new DataLoader<number, Certification[]>(async (ids) => groupByMember(ids, await reads.certifications(em, ids))),
    services: new DataLoader<number, Service[]>(async (ids) => groupByMember(ids, await reads.services(em, ids))),
    contacts: new DataLoader<number, ContactPerson[]>(async (ids) => groupByMember(ids, await reads.contacts(em, ids))),
    closeSpellings: reads.closeSpellings,
  };
}

function groupByMember<T extends { member: { id: number } }>(ids: readonly number[], rows: T[]): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.member.id)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
