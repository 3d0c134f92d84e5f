import type { EntityManager } from '@mikro-orm/postgresql';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { NetworkMemberResolvers, Resolvers } from './generated/resolvers-types.ts';
import type { Resolvers as InternalResolvers } from './generated/internal-resolvers-types.ts';
import { badInput, inArgument } from '../../shared/errors.ts';
import { auditRecord } from '../../shared/audit.ts';
import {
  assertCanFollowCertificates,
  assertCanReadAudit,
  assertCanWriteMember,
  canSeeContacts,
  requireSignedIn,
  type Identity,
} from '../../shared/identity.ts';
import { contactIds, memberGlobalId, parseMemberId, serviceIds } from '../../shared/ids.ts';
import { memberTypeName } from '../../shared/networks.ts';
import { processView } from '../../shared/data/processes.ts';
import { auditPage } from './audit.ts';
import { expiringCertifications } from './certificates.ts';
import { daysLeft } from '../../shared/certificates.ts';
import type { Member } from './entities/index.ts';
import { memberLists, type Loaders, type MemberList } from './loaders.ts';
import { selectsField } from '../../shared/selection.ts';
import { idempotency } from './idempotency.ts';
import { archiveMember, createMember, deleteContactPerson, updateMember } from './members.ts';
import { importedText, importMembers } from './member-import.ts';
import { searchMembers, selectedStatistics } from './search.ts';
import { partnerCandidates } from './suggestions.ts';
import { matchSuppliers } from './suppliers.ts';
import type { Requirements } from '../../shared/matching.ts';
import { pageSize } from '../../shared/validation.ts';
import { regionDay } from '../../shared/region-day.ts';

export interface NetworkContext {
  network: string;
  em: EntityManager;
  identity: Identity;
  loaders: Loaders;
}

/** A member's coordinates as MikroORM types a double column (a number or a numeric string); GraphQL's Float serializes either. */
export type MemberLocation = { latitude: Member['latitude']; longitude: Member['longitude'] };

function toProcesses(codes: string[]) {
  return codes.map(processView).filter((p) => p !== null);
}

// The lists an entity fetch selects, worked out once per fetch rather than per reference (100 for a page of Q2.100).
// Keyed by the fetch's field nodes, which graphql-js collects anew for each execution: the answer depends on the
// request's variables (@skip, @include), so an executor that kept field nodes between requests would need another key.
const listsSelected = new WeakMap<readonly FieldNode[], { visible: MemberList[]; withoutContacts: MemberList[] }>();

/** The member's lists the entity fetch selects; contacts only for a reader who may see them (the resolver answers [] otherwise). */
function selectedLists(info: GraphQLResolveInfo, contactsVisible: boolean): MemberList[] {
  let lists = listsSelected.get(info.fieldNodes);
  if (!lists) {
    const visible = memberLists.filter((list) => selectsField(info, list));
    lists = { visible, withoutContacts: visible.filter((l) => l !== 'contacts') };
    listsSelected.set(info.fieldNodes, lists);
  }
  return contactsVisible ? lists.visible : lists.withoutContacts;
}

/**
 * Contact persons are personal data. Those of a live member every signed-in caller reads, to get in touch. A member
 * that has left its network (archived) is nobody's supplier any more: its people stay readable only by those who keep
 * its records, its network's office and admin, and by the member itself, which may still delete them
 * (deleteContactPerson). Partners and other members read them no more: they were served to every partner (the partner probe).
 */
function contactsVisible(identity: Identity, network: string, member: Member): boolean {
  if (!canSeeContacts(identity)) return false;
  if (!member.archivedAt) return true;
  if (identity.role === 'admin' || (identity.role === 'office' && identity.network === network)) return true;
  return identity.role === 'member' && identity.memberId === memberGlobalId(network, member.id);
}

/**
 * A member's fields, for the subgraph's member type and for a search hit's member in the internal API (region answers
 * those for the gateway, Hit.member): the same values either way, contact persons by the same rule for the caller.
 */
function memberFields(network: string) {
  return {
    location: (m: Member) => (m.latitude === null || m.longitude === null ? null : { latitude: m.latitude, longitude: m.longitude }),
    processes: (m: Member) => toProcesses(m.processCodes),
    certifications: (m: Member, _: unknown, ctx: NetworkContext) => ctx.loaders.listOf('certifications', m.id),
    services: (m: Member, _: unknown, ctx: NetworkContext) => ctx.loaders.listOf('services', m.id),
    contacts: (m: Member, _: unknown, ctx: NetworkContext) => (contactsVisible(ctx.identity, network, m) ? ctx.loaders.listOf('contacts', m.id) : []),
    archivedAt: (m: Member) => m.archivedAt?.toISOString() ?? null,
    createdAt: (m: Member) => m.createdAt.toISOString(),
    updatedAt: (m: Member) => m.updatedAt.toISOString(),
  };
}

/** The value types' computed fields, in both schemas. */
function valueTypeResolvers(network: string) {
  return {
    Certification: {
      valid: (c: { validUntil: string }) => c.validUntil >= regionDay(),
      daysLeft: (c: { validUntil: string }) => daysLeft(c.validUntil),
    },
    Service: {
      id: (s: { id: number }) => serviceIds.format(network, s.id),
      processes: (s: { processCodes: string[] }) => toProcesses(s.processCodes),
    },
    ContactPerson: {
      id: (c: { id: number }) => contactIds.format(network, c.id),
    },
  };
}

/** Resolvers of the federated schema: the network's concrete member type. */
export function federatedResolvers(network: string): Resolvers {
  const member: NetworkMemberResolvers = {
    ...memberFields(network),
    async __resolveReference(ref, ctx, info) {
      const { network: owner, localId } = parseMemberId(ref.id);
      if (owner.code !== network) return null;
      // Null for a member that is not there, as federation expects of an entity not found: a list of references
      // (an office comparing its data, test/office.e2e.ts) gets nulls, not an error per missing member. Whether it is
      // archived is known only once it is read, so its contacts come along for any signed-in reader, and the contacts
      // resolver decides per member (contactsVisible): one statement still, rather than a second for the contacts.
      return ctx.loaders.memberWith(localId, selectedLists(info, canSeeContacts(ctx.identity)));
    },
    id: (m) => memberGlobalId(network, m.id),
    network: () => ({ code: network }),
  };
  // The template's NetworkMember is served under this network's own name (schema.ts), NiweMember for NIWE.
  return {
    [memberTypeName(network)]: member,
    ...valueTypeResolvers(network),
  };
}

function written(m: Member) {
  return { localId: m.id };
}

/** The members of these ids, null where none is; a failed load is an error, never an absent member: dropping it answered "does not exist" while the database was down. */
async function loadAll(ctx: NetworkContext, localIds: readonly number[]): Promise<(Member | null)[]> {
  const found = await ctx.loaders.member.loadMany(localIds);
  const failed = found.find((m) => m instanceof Error);
  if (failed) throw failed;
  return found as (Member | null)[];
}

/** A search or supplier hit's member (internal API 1.8): region answers its fields for the gateway. */
const hitMember = (hit: { localId: number }, _: unknown, ctx: NetworkContext, info: GraphQLResolveInfo) =>
  ctx.loaders.memberWith(hit.localId, selectedLists(info, canSeeContacts(ctx.identity)));

/** Resolvers of the internal API that region calls. The owner applies its access rules here. */
export function internalResolvers(network: string): InternalResolvers {
  return {
    // Loaded as an entity fetch of the page's hits would load them: one statement for the page, with the lists asked.
    Hit: { member: hitMember },
    SupplierHit: { member: hitMember },
    HitMember: memberFields(network),
    ...valueTypeResolvers(network),
    Query: {
      search(_, args, ctx, info) {
        // 0 asks for the count alone (Network.memberCount); region's pages ask at most 101 (100 and one that tells whether more follow).
        const first = pageSize(args.first, 1001, { min: 0 });
        const countLimit = args.countLimit ?? null;
        if (countLimit !== null && (!Number.isInteger(countLimit) || countLimit < 1))
          throw badInput('countLimit', 'countLimit must be a positive integer or null (count exactly).', { reason: 'OUT_OF_RANGE', min: 1, integer: true });
        return searchMembers(
          ctx.em,
          {
            network,
            filter: args.filter ?? {},
            order: args.order,
            first,
            after: args.after ?? null,
            statistics: selectedStatistics(info, args.facets),
            countLimit,
            matched: selectsField(info, 'hits', 'matched'),
            knownWords: args.knownWords ?? [],
          },
          ctx.loaders,
        );
      },
      matchSuppliers(_, args, ctx) {
        // Region's page of at most 100, and the one more that tells whether another page follows.
        // The internal API carries quantity and tolerance as strings; region sends only values of its Quantity and Tolerance enums.
        return matchSuppliers(ctx.em, args.requirements as Requirements, pageSize(args.first, 101));
      },
      async existing(_, args, ctx) {
        const found = await loadAll(ctx, args.localIds);
        return args.localIds.filter((_id, i) => found[i] !== null);
      },
      // Asked with existing in one request (region's access.ts): the loader reads each member once for both.
      async archived(_, args, ctx) {
        const found = await loadAll(ctx, args.localIds);
        return args.localIds.filter((_id, i) => found[i]?.archivedAt);
      },
      // Region's suggestions of at most 50, each network's best 50 (relationships/suggestions.ts).
      partnerCandidates: (_, args, ctx) => partnerCandidates(ctx.em, { ...args, first: pageSize(args.first, 50) }),
      auditLog(_, args, ctx) {
        assertCanReadAudit(ctx.identity, network);
        return auditPage(ctx.em, pageSize(args.first, 101), args.before ?? null);
      },
      expiringCertifications(_, args, ctx) {
        assertCanFollowCertificates(ctx.identity, network);
        return expiringCertifications(ctx.em, args.withinDays, args.expiredSinceDays, pageSize(args.first, 500));
      },
    },
    Mutation: {
      async createMember(_, args, ctx) {
        assertCanWriteMember(ctx.identity, network, null, 'create');
        const key = idempotency(ctx.identity, 'createMember', args.idempotencyKey, args.input);
        return written(await inArgument('input', () => createMember(ctx.em, args.input, ctx.identity, key, network)));
      },
      async updateMember(_, args, ctx) {
        const id = memberGlobalId(network, args.localId);
        assertCanWriteMember(ctx.identity, network, id, 'update');
        const version = args.version ?? null;
        const key = idempotency(ctx.identity, 'updateMember', args.idempotencyKey, { localId: args.localId, input: args.input, version });
        return written(await inArgument('input', () => updateMember(ctx.em, args.localId, id, args.input, version, ctx.identity, key, network), ['id']));
      },
      async importMembers(_, args, ctx) {
        assertCanWriteMember(ctx.identity, network, null, 'create');
        const file = importedText(args);
        // The text read is the payload: the same file sent as text or as bytes is one request.
        const skipExisting = args.skipExisting ?? false;
        // Only a skipping import adds its option to the payload: a retry's key from before the option still fits.
        const payload = { csv: file.text, ...(skipExisting && { skipExisting }) };
        const key = args.dryRun ? null : idempotency(ctx.identity, 'importMembers', args.idempotencyKey, payload);
        return importMembers(ctx.em, file, args.dryRun, ctx.identity, key, skipExisting);
      },
      async archiveMember(_, args, ctx) {
        const id = memberGlobalId(network, args.localId);
        assertCanWriteMember(ctx.identity, network, id, 'archive');
        return written(await archiveMember(ctx.em, args.localId, id, ctx.identity));
      },
      async deleteContactPerson(_, args, ctx) {
        requireSignedIn(ctx.identity);
        const authorize = (memberLocalId: number) =>
          assertCanWriteMember(ctx.identity, network, memberGlobalId(network, memberLocalId), 'delete contact persons of');
        return written(await deleteContactPerson(ctx.em, args.localId, contactIds.format(network, args.localId), authorize, ctx.identity));
      },
    },
    AuditEntry: {
      at: (e) => e.at.toISOString(),
      before: (e) => auditRecord(e.before),
      after: (e) => auditRecord(e.after),
    },
  };
}
