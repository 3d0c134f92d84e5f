import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import type { PoolMode } from '../../shared/pg-connection.ts';
import { preparedLoad, preparedLoadWith, preparedQuery, type Included, type KeyedLoad, type WithIncluded } from '../../shared/prepared.ts';
import { closeSpellingsText, wordFolding, type SpellingsLookup, type WordFolding } from './search.ts';
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
// once per service (shared/prepared.ts). An entity fetch that selects a
// member's lists (services, certificates, contacts) brings them along with
// the members, so it is one statement in one round trip, not one per list in
// a second.

/** The member's lists that an entity fetch can bring along with the members, in the order of their statements' names. */
export const memberLists = ['services', 'certifications', 'contacts'] as const;
export type MemberList = (typeof memberLists)[number];
/** What each list holds. */
type ListItem<L extends MemberList> = { services: Service; certifications: Certification; contacts: ContactPerson }[L];

export interface MemberReads {
  members: KeyedLoad<Member>;
  certifications: KeyedLoad<Certification>;
  services: KeyedLoad<Service>;
  contacts: KeyedLoad<ContactPerson>;
  /** The members with the lists named, one statement for each combination of lists (key: the names joined by ','). */
  membersWith: Map<string, KeyedLoad<WithIncluded<Member>>>;
  /** The search's close spellings (search.ts), the one statement of a search whose text never changes. */
  closeSpellings: SpellingsLookup;
  /** How the search may fold its words in this database (search.ts wordFolding), checked once here. */
  foldWords: WordFolding;
}

const listLoads: Record<MemberList, Included> = {
  services: { name: 'services', schema: ServiceSchema, column: 'member_id', orderBy: 'id' },
  certifications: { name: 'certifications', schema: CertificationSchema, column: 'member_id', orderBy: 'standard, id' },
  contacts: { name: 'contacts', schema: ContactPersonSchema, column: 'member_id', orderBy: 'id' },
};

/** Every non-empty combination of the lists, each in memberLists' order. */
const combinations = memberLists.reduce<MemberList[][]>((all, list) => [...all, ...all.map((c) => [...c, list])], [[]]).filter((c) => c.length > 0);

export async function prepareMemberReads(orm: MikroORM, poolMode: PoolMode = 'session'): Promise<MemberReads> {
  const [members, spellings, services, certifications, contacts] = await Promise.all([
    preparedLoad(orm, MemberSchema, 'id', 'id', poolMode),
    preparedQuery<{ i: number; word: string | null }>(orm, 'irm_close_spellings', closeSpellingsText('$1'), poolMode),
    // Each list alone (in memberLists' order), by the same definition as when it comes along with the members.
    ...memberLists.map((l) => preparedLoad(orm, listLoads[l].schema, listLoads[l].column, listLoads[l].orderBy, poolMode)),
  ]);
  const membersWith = new Map<string, KeyedLoad<WithIncluded<Member>>>();
  for (const lists of combinations) {
    membersWith.set(
      lists.join(','),
      await preparedLoadWith(
        orm,
        MemberSchema,
        lists.map((l) => listLoads[l]),
        poolMode,
      ),
    );
  }
  const pool: Pool = await orm.em.getConnection().getNativeClient();
  const foldWords = await wordFolding(pool);
  return { members, certifications, services, contacts, membersWith, closeSpellings: (words) => spellings([words]), foldWords };
}

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(reads: MemberReads) {
  const lists = {
    certifications: new DataLoader<number, Certification[]>(async (ids) => groupByMember(ids, await reads.certifications(ids))),
    services: new DataLoader<number, Service[]>(async (ids) => groupByMember(ids, await reads.services(ids))),
    contacts: new DataLoader<number, ContactPerson[]>(async (ids) => groupByMember(ids, await reads.contacts(ids))),
  };
  // The lists asked for by the loads of the batch being gathered: a batch runs after the tick in which its loads came,
  // so the entity fetch's references all name theirs before it reads them. A member already loaded in this request
  // starts no batch, and its names wait for the next one, which then brings a list that may go unread.
  const wanted = new Set<MemberList>();
  // The lists that came along with their members, by list and member id, which the list resolvers answer at once
  // (listOf): a DataLoader's load is a promise even when primed, and graphql-js completes a promised list the slower,
  // asynchronous way, for every member of a page.
  const brought: { [L in MemberList]: Map<number, ListItem<L>[]> } = { services: new Map(), certifications: new Map(), contacts: new Map() };
  const loadMembers = async (ids: readonly number[]): Promise<Member[]> => {
    const names = memberLists.filter((l) => wanted.has(l));
    wanted.clear();
    if (names.length === 0) return reads.members(ids);
    const rows = await reads.membersWith.get(names.join(','))!(ids);
    // Primed, so the list resolvers find them; a list already loaded in this request keeps what it has. Each list
    // holds its own entity type (listLoads), which the record of loaders cannot tell TypeScript.
    for (const { entity, included } of rows)
      for (const name of names) {
        lists[name].prime(entity.id, included[name] as never);
        if (!brought[name].has(entity.id)) brought[name].set(entity.id, included[name] as never);
      }
    return rows.map((r) => r.entity);
  };
  const member = new DataLoader<number, Member | null>(async (ids) => {
    const byId = new Map((await loadMembers(ids)).map((m) => [m.id, m]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  return {
    member,
    /** Loads `id` and brings the lists named along with it (and with the rest of its batch). */
    memberWith(id: number, names: readonly MemberList[]) {
      for (const name of names) wanted.add(name);
      return member.load(id);
    },
    ...lists,
    /** The member's list: at once where it came along with the member, else through its loader. */
    listOf<L extends MemberList>(name: L, id: number): ListItem<L>[] | Promise<ListItem<L>[]> {
      return brought[name].get(id) ?? (lists[name].load(id) as Promise<ListItem<L>[]>);
    },
    closeSpellings: reads.closeSpellings,
    foldWords: reads.foldWords,
  };
}

function groupByMember<T extends { member: { id: number } }>(ids: readonly number[], rows: T[]): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.member.id)?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
