import { randomBytes } from 'node:crypto';
import type { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ensureDatabase } from '../shared/postgres.ts';
import { CertificationSchema, ContactPersonSchema, MemberSchema, ServiceSchema } from '../subgraphs/network/entities/index.ts';
import { createLoaders, memberLists, prepareMemberReads } from '../subgraphs/network/loaders.ts';
import { archiveMember, createMember } from '../subgraphs/network/members.ts';
import { initNetworkOrm } from '../subgraphs/network/orm.ts';

// The entity fetches read members and their lists as plain objects (shared/prepared.ts rowReader), not as
// managed entities: em.map cost 1.0 ms of CPU for ten members with their services. Each property must be what
// em.find gives (timestamps as Dates, arrays, nulls, the many-to-one's id), whether the row came from a load of its
// own or as JSON along with its member.

let orm: MikroORM;
const ids: number[] = [];

beforeAll(async () => {
  orm = (await initNetworkOrm(await ensureDatabase(inject('postgresUrl'), `t${randomBytes(4).toString('hex')}_reads_niwe`))).orm;
  const full = await createMember(orm.em.fork(), {
    name: 'Müller Präzisionsteile GmbH',
    street: 'Am Anger 3',
    postalCode: '99817',
    city: 'Eisenach',
    website: 'https://mueller.example',
    employees: 85,
    description: 'Drehteile und Baugruppen',
    processes: ['3.2.3', '3.2.1'],
    materials: ['1.4301', 'C45'],
    certifications: [
      { standard: 'ISO 9001', number: 'Q-1', validUntil: '2029-06-30' },
      { standard: 'IATF 16949', validUntil: '2027-01-31' },
    ],
    services: [{ title: 'Drehen', description: 'bis Ø 300 mm', processes: ['3.2.1'] }, { title: 'Fräsen' }],
    contacts: [{ name: 'Anna Roth', role: 'Vertrieb', email: 'roth@mueller.example', phone: '+49 3691 1234' }, { name: 'Ben Alt' }],
  });
  // Nothing optional given, and archived: nulls and a second timestamp.
  const bare = await createMember(orm.em.fork(), { name: 'Kunststofftechnik Wanfried', postalCode: '37281', city: 'Wanfried' });
  await archiveMember(orm.em.fork(), bare.id, `NIWE:m-${bare.id}`);
  ids.push(full.id, bare.id);
});

afterAll(async () => {
  await orm?.close(true);
});

/** Every persisted property of `entity` (many-to-one as its id), as a read is compared with it. */
function properties(schema: EntitySchema<any>, entity: object) {
  const meta = orm.getMetadata().get(schema);
  const values: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (prop.kind === 'scalar') values[prop.name] = (entity as Record<string, unknown>)[prop.name];
    if (prop.kind === 'm:1') values[prop.name] = { id: ((entity as Record<string, unknown>)[prop.name] as { id: number }).id };
  }
  return values;
}

describe('entity fetches read plain objects with what em.find gives', () => {
  test('members, alone and with every list, and each list alone', async () => {
    const em = orm.em.fork();
    const members = await em.find(MemberSchema, ids, { populate: ['services', 'certifications', 'contacts'], orderBy: { id: 'asc' } });
    expect(members).toHaveLength(2);
    expect(members[1].archivedAt).toBeInstanceOf(Date);
    const reads = await prepareMemberReads(orm);
    const alone = await reads.members(ids);
    const along = await reads.membersWith.get(memberLists.join(','))!(ids);
    for (const [i, member] of members.entries()) {
      const expected = properties(MemberSchema, member);
      expect(alone[i]).toStrictEqual(expected);
      expect(along[i].entity).toStrictEqual(expected);
      const lists = {
        services: member.services.getItems().map((s) => properties(ServiceSchema, s)),
        certifications: [...member.certifications.getItems()]
          .sort((a, b) => a.standard.localeCompare(b.standard) || a.id - b.id)
          .map((c) => properties(CertificationSchema, c)),
        contacts: member.contacts.getItems().map((c) => properties(ContactPersonSchema, c)),
      };
      expect(along[i].included).toStrictEqual(lists);
      const loaders = createLoaders(reads);
      expect({
        services: await loaders.services.load(member.id),
        certifications: await loaders.certifications.load(member.id),
        contacts: await loaders.contacts.load(member.id),
      }).toStrictEqual(lists);
    }
    // The full member has a value for every property, so each conversion was compared on a value, not only on null.
    expect(Object.entries(properties(MemberSchema, members[0])).filter(([name, value]) => value === null && name !== 'archivedAt')).toEqual([]);
  });
});
