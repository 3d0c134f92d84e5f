import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { badInput, conflict, notFound } from '../../shared/errors.ts';
import type { Identity } from '../../shared/identity.ts';
import { materialSearchText } from '../../shared/data/materials.ts';
import { postalCodeLocation } from '../../shared/data/postal-codes.ts';
import { findProcess } from '../../shared/data/processes.ts';
import { memberGlobalId } from '../../shared/ids.ts';
import { nameSortKey } from '../../shared/sort-key.ts';
import { textArray } from '../../shared/sql.ts';
import { CertificationSchema, ContactPersonSchema, MemberSchema, ServiceSchema, type Member } from './entities/index.ts';
import { contactSnapshot, memberSnapshot, recordAudit, snapshotOf, systemActor } from './audit.ts';
import { replayed, type Idempotency } from '../../shared/idempotency.ts';
import { remember } from './idempotency.ts';
import * as v from './validation.ts';

// Writes to the network's members. Input is validated completely before the
// transaction starts; the transaction writes the member, its lists and the
// audit entry together, with the write's idempotency key when it has one
// (a retry finds the key and gets the first result; nothing is written twice).

export type ValidatedMember = ReturnType<typeof validate>;

/**
 * The input as the columns it writes, or BAD_USER_INPUT naming the first bad field. With `errors`
 * every field is checked and each field's error collected there instead (importMembers reports a
 * row's errors all at once); the result is then only good to write when none were collected.
 */
export function validate(input: v.MemberFields, isPatch: boolean, errors: GraphQLError[] | null = null) {
  const has = (key: keyof v.MemberFields) => !isPatch || input[key] !== undefined;
  const check = <T>(key: keyof v.MemberFields, run: () => T): T | undefined => {
    if (!has(key)) return undefined;
    if (errors === null) return run();
    try {
      return run();
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
      errors.push(error);
      return undefined;
    }
  };
  const scalars: Partial<
    Pick<
      Member,
      'name' | 'sortKey' | 'street' | 'postalCode' | 'city' | 'latitude' | 'longitude' | 'website' | 'employees' | 'description' | 'processCodes' | 'materials'
    >
  > = {};
  const set = <K extends keyof typeof scalars>(key: keyof v.MemberFields, column: K, run: () => (typeof scalars)[K]) => {
    const value = check(key, run);
    if (value !== undefined) scalars[column] = value;
  };
  check('name', () => {
    const name = v.requiredText('name', input.name, 200);
    const sortKey = nameSortKey(name);
    if (sortKey === '') throw badInput('name', 'name must contain at least one letter or digit.', { reason: 'NO_LETTERS' });
    // Folding can lengthen a name (ß is sorted as ss, Ǆ as dz): one that did not fit the sort key's 200 characters
    // failed in the database, and the client was told the network might be down.
    if (sortKey.length > 200)
      throw badInput('name', `name must have at most 200 characters as sorted, where ß counts as ss; this one has ${sortKey.length}.`, {
        reason: 'TOO_LONG',
        max: 200,
      });
    scalars.name = name;
    scalars.sortKey = sortKey;
  });
  set('street', 'street', () => v.optionalText('street', input.street, 200));
  set('postalCode', 'postalCode', () => v.postalCode('postalCode', input.postalCode));
  set('city', 'city', () => v.requiredText('city', input.city, 100));
  if (input.location) {
    check('location', () => {
      const point = v.coordinates('location', input.location!.latitude, input.location!.longitude);
      scalars.latitude = point.latitude;
      scalars.longitude = point.longitude;
    });
  } else if (scalars.postalCode !== undefined) {
    const point = postalCodeLocation(scalars.postalCode);
    scalars.latitude = point?.latitude ?? null;
    scalars.longitude = point?.longitude ?? null;
  }
  set('website', 'website', () => v.website('website', input.website));
  set('employees', 'employees', () => v.employees('employees', input.employees));
  set('description', 'description', () => v.description('description', input.description));
  set('processes', 'processCodes', () => v.processCodes('processes', input.processes ?? []));
  set('materials', 'materials', () => v.materials('materials', input.materials ?? []));
  return {
    scalars,
    certifications: check('certifications', () => v.certifications('certifications', input.certifications ?? [])),
    services: check('services', () => v.services('services', input.services ?? [])),
    contacts: check('contacts', () => v.contacts('contacts', input.contacts ?? [])),
  };
}

/** Keeps the search text of services, processes, materials and certificates in step with what was written. */
function searchTexts(member: Member, data: ValidatedMember) {
  if (data.services) member.servicesText = data.services.map((s) => `${s.title} ${s.description ?? ''}`).join(' ');
  if (data.scalars.processCodes) member.processesText = data.scalars.processCodes.map((c) => findProcess(c)?.name ?? '').join(' ');
  if (data.scalars.materials) member.materialsText = materialSearchText(data.scalars.materials);
  // Every certificate on the profile, as its standard; whether it is valid on a day is the filter's question.
  if (data.certifications) member.certificationsText = data.certifications.map((c) => c.standard).join(' ');
}

/** Creates the member's given lists (flushed with the member); answers what it created. */
export function writeLists(em: EntityManager, member: Member, data: ValidatedMember) {
  searchTexts(member, data);
  return {
    certifications: (data.certifications ?? []).map((c) =>
      em.create(CertificationSchema, { member, standard: c.standard, number: c.number ?? null, validUntil: c.validUntil }),
    ),
    services: (data.services ?? []).map((s) =>
      em.create(ServiceSchema, { member, title: s.title, description: s.description, processCodes: s.processes ?? [] }),
    ),
    contacts: (data.contacts ?? []).map((p) => em.create(ContactPersonSchema, { member, name: p.name, role: p.role, email: p.email, phone: p.phone })),
  };
}

/**
 * Writes many validated members in one flush, and an audit entry for each with its lists as written: a
 * statement per table instead of about ten per member. Seeding the demo network this way took 1.2 s for 77
 * members through createMember one by one (a savepoint, flush and snapshot query each), three networks at
 * once on two cores at every first `npm start`. The audit entries are left for the caller's next flush, with
 * entries of its own (importMembers adds the import as a whole), in the caller's transaction.
 */
export async function writeMembers(tx: EntityManager, members: ValidatedMember[], actor: Identity, action: string): Promise<Member[]> {
  const written = members.map((data) => {
    const member = tx.create(MemberSchema, data.scalars as Member);
    return { member, lists: writeLists(tx, member, data) };
  });
  await tx.flush();
  for (const { member, lists } of written) recordAudit(tx, actor, action, `m-${member.id}`, null, snapshotOf(member, lists));
  return written.map(({ member }) => member);
}

/** Umlauts as they are written without them. */
const spelledOut: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * What makes two members one company: the name with its umlauts written out, by its sort key, and the postal code.
 * "HAERTEREI MUELLER & SOEHNE GMBH" in 01067 is "Härterei Müller & Söhne GmbH" there (the CSV probe), which the search
 * reads as one name. Written out, not folded (ae as a), so that "Michael" and "Michal" stay two names. The import
 * refuses a row so (member-import.ts), createMember a second member.
 */
export const namesakeKey = (name: string, postalCode: string) => `${nameSortKey(name.replace(/[äöüÄÖÜ]/g, (c) => spelledOut[c]))}\n${postalCode}`;

/**
 * The live member other than `except` that `name` in `postalCode` names already, if any. Under a lock per postal code
 * held to the end of the caller's transaction, so that two creations of one company at once (an office's double
 * click, a retry without an idempotency key) are one member and a refusal, not two members. The office's "Mitglied
 * anlegen" made a second "Müller & Söhne Präzisionsdrehteile GmbH" in 37269 without a word, two identical rows in its
 * list and in the account form's choice of company, where the import refused the same (the self-service probe).
 */
async function liveNamesake(tx: EntityManager, name: string, postalCode: string, except: number | null): Promise<number | null> {
  await lockNamesakes(tx, [postalCode]);
  const rows = await tx.execute<{ id: number; name: string }[]>(`select "id", "name" from "member" where "archived_at" is null and "postal_code" = ?`, [
    postalCode,
  ]);
  const key = namesakeKey(name, postalCode);
  return rows.find((row) => row.id !== except && namesakeKey(row.name, postalCode) === key)?.id ?? null;
}

/**
 * Refuses `name` in `postalCode` when another live member (not `except`) has it: createMember's new member, and
 * updateMember's rename or move, which made the same twin through the edit form (the last self-service probe).
 * `network`, when given, names the member it would duplicate by its global id (the resolvers give it); without it
 * by its local id, `m-5`.
 */
async function refuseNamesake(tx: EntityManager, name: string, postalCode: string, network: string | null, except: number | null = null, field = 'input.name') {
  const twin = await liveNamesake(tx, name, postalCode, except);
  if (twin === null) return;
  const existingMember = network ? memberGlobalId(network, twin) : `m-${twin}`;
  throw conflict(
    `"${name}" in ${postalCode} is a member already (${existingMember}): change that one with updateMember, or, for another company of that name there, add what tells the two apart to the name (its site or trade).`,
    { reason: 'EXISTS' },
    { field, existingMember },
  );
}

/** The first key of createMember's advisory locks (the second is the postal code's hash); others' differ. */
export const namesakeLock = 4_710_001;

/**
 * The namesake locks of the postal codes, to the end of the transaction, in the order of their keys: createMember's
 * one, an import's every code its rows name (member-import.ts), so that neither writes a member the other's look
 * missed (the review: an import beside a createMember of the same company made two).
 */
export async function lockNamesakes(tx: EntityManager, postalCodes: readonly string[]): Promise<void> {
  if (postalCodes.length === 0) return;
  await tx.execute(`select pg_advisory_xact_lock(${namesakeLock}, k) from (select distinct hashtext(c) as k from unnest(?::text[]) as c order by k) as keys`, [
    textArray([...postalCodes]),
  ]);
}

/** `network` names a refused namesake's member by its global id (refuseNamesake). */
export async function createMember(
  em: EntityManager,
  input: v.MemberFields,
  actor = systemActor,
  key: Idempotency | null = null,
  network: string | null = null,
): Promise<Member> {
  const data = validate(input, false);
  return em.transactional(async (tx) => {
    const prior = await replayed(tx, key);
    if (prior !== null) return tx.findOneOrFail(MemberSchema, prior);
    const { name, postalCode } = data.scalars;
    if (name && postalCode) await refuseNamesake(tx, name, postalCode, network);
    const member = tx.create(MemberSchema, data.scalars as Member);
    writeLists(tx, member, data);
    await tx.flush();
    recordAudit(tx, actor, 'createMember', `m-${member.id}`, null, await memberSnapshot(tx, member));
    await remember(tx, key, member.id);
    return member;
  });
}

/** A version the caller read that is no longer the member's: CONFLICT with the current one, as inquiries and capacity posts answer. */
function assertVersion(member: Member, globalId: string, version: number | null): void {
  if (version !== null && member.version !== version) {
    throw conflict(`Member ${globalId} is at version ${member.version}, not ${version}: it changed since you read it. Read it again and retry.`, {
      reason: 'STALE_VERSION',
      currentVersion: member.version,
    });
  }
}

/** `version` null writes whatever the member's version (last writer wins), as before versions existed. */
export async function updateMember(
  em: EntityManager,
  localId: number,
  globalId: string,
  patch: v.MemberFields,
  version: number | null = null,
  actor = systemActor,
  key: Idempotency | null = null,
  network: string | null = null,
): Promise<Member> {
  if (patch.name === null || patch.postalCode === null || patch.city === null) {
    const field = patch.name === null ? 'name' : patch.postalCode === null ? 'postalCode' : 'city';
    throw badInput(field, `${field} cannot be cleared; leave it out to keep the current value.`, { reason: 'REQUIRED' });
  }
  const data = validate(patch, true);
  return em.transactional(async (tx) => {
    const prior = await replayed(tx, key);
    if (prior !== null) return tx.findOneOrFail(MemberSchema, prior);
    const member = await tx.findOne(MemberSchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!member) throw notFound(`Member ${globalId} does not exist.`);
    if (member.archivedAt) throw badInput('id', `Member ${globalId} is archived and can no longer be changed.`, { reason: 'NOT_APPLICABLE' });
    assertVersion(member, globalId, version);
    // A patch that names no field changes nothing: no new version (it made the next write with the version
    // just read a CONFLICT) and no audit entry of a change that was none.
    if (Object.values(patch).every((value) => value === undefined)) {
      await remember(tx, key, localId);
      return member;
    }
    // A new name or postal code that another live member has: the twin createMember refuses, made by a rename.
    const name = data.scalars.name ?? member.name;
    const postalCode = data.scalars.postalCode ?? member.postalCode;
    // Named at what moved it there: a form sends every field, changed or not.
    const renamed = namesakeKey(name, '') !== namesakeKey(member.name, '');
    if (renamed || postalCode !== member.postalCode) await refuseNamesake(tx, name, postalCode, network, localId, renamed ? 'input.name' : 'input.postalCode');
    const before = await memberSnapshot(tx, member);
    tx.assign(member, data.scalars);
    // null gives the location back to the postal code (validate does so when the patch brings a new one).
    if (patch.location === null && data.scalars.postalCode === undefined) {
      const point = postalCodeLocation(member.postalCode);
      member.latitude = point?.latitude ?? null;
      member.longitude = point?.longitude ?? null;
    }
    if (data.certifications) await tx.nativeDelete(CertificationSchema, { member: localId });
    if (data.services) await tx.nativeDelete(ServiceSchema, { member: localId });
    if (data.contacts) await tx.nativeDelete(ContactPersonSchema, { member: localId });
    writeLists(tx, member, data);
    member.updatedAt = new Date();
    member.version++;
    await tx.flush();
    recordAudit(tx, actor, 'updateMember', `m-${localId}`, before, await memberSnapshot(tx, member));
    await remember(tx, key, localId);
    return member;
  });
}

export async function archiveMember(em: EntityManager, localId: number, globalId: string, actor = systemActor): Promise<Member> {
  return em.transactional(async (tx) => {
    const member = await tx.findOne(MemberSchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!member) throw notFound(`Member ${globalId} does not exist.`);
    if (member.archivedAt) return member;
    const before = await memberSnapshot(tx, member);
    member.archivedAt = new Date();
    member.version++;
    recordAudit(tx, actor, 'archiveMember', `m-${localId}`, before, { ...before, archivedAt: member.archivedAt.toISOString() });
    return member;
  });
}

/** Removes one contact person; `authorize` sees the member it belongs to before anything changes. */
export async function deleteContactPerson(
  em: EntityManager,
  localId: number,
  globalId: string,
  authorize: (memberLocalId: number) => void,
  actor: Identity,
): Promise<Member> {
  return em.transactional(async (tx) => {
    const contact = await tx.findOne(ContactPersonSchema, localId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!contact) throw notFound(`Contact person ${globalId} does not exist.`);
    authorize(contact.member.id);
    const member = await tx.findOneOrFail(MemberSchema, contact.member.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // The contact list is part of the member: an update made with the version read before this deletion would restore it.
    member.version++;
    recordAudit(tx, actor, 'deleteContactPerson', `c-${localId}`, { member: `m-${member.id}`, ...contactSnapshot(contact) }, null);
    tx.remove(contact);
    return member;
  });
}
