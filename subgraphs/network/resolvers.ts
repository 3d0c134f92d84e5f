import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { badInput } from '../../shared/errors.ts';
import { assertCanReadAudit, assertCanWriteMember, canSeeContacts, requireSignedIn, type Identity } from '../../shared/identity.ts';
import { contactIds, memberGlobalId, parseMemberId, serviceIds } from '../../shared/ids.ts';
import { memberTypeName } from '../../shared/networks.ts';
import { processView } from '../../shared/data/processes.ts';
import type { MemberOrderKey } from '../../shared/sort-key.ts';
import { auditPage } from './audit.ts';
import type { AuditEntry, Certification, Member, Service } from './entities/index.ts';
import type { Loaders } from './loaders.ts';
import { idempotency } from './idempotency.ts';
import { archiveMember, createMember, deleteContactPerson, updateMember } from './members.ts';
import { searchMembers } from './search.ts';
import { matchSuppliers } from './suppliers.ts';
import type { Requirements } from '../../shared/matching.ts';
import type { MemberOrder, PushedDownFilter } from '../../shared/search.ts';
import { pageSize } from '../../shared/validation.ts';
import type { MemberFields } from './validation.ts';

export interface NetworkContext {
  network: string;
  em: EntityManager;
  identity: Identity;
  loaders: Loaders;
}

// buildSubgraphSchema takes resolver maps over an unknown context; each resolver declares the context it receives.
type Resolvers = GraphQLResolverMap<unknown>;


function toProcesses(codes: string[]) {
  return codes.map(processView).filter((p) => p !== null);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Resolvers of the federated schema: the network's concrete member type. */
export function federatedResolvers(network: string): Resolvers {
  return {
    [memberTypeName(network)]: {
      async __resolveReference(ref: { id: string }, ctx: NetworkContext) {
        const { network: owner, localId } = parseMemberId(ref.id);
        if (owner.code !== network) return null;
        return ctx.loaders.member.load(localId);
      },
      id: (m: Member) => memberGlobalId(network, m.id),
      network: () => ({ code: network }),
      location: (m: Member) => (m.latitude === null || m.longitude === null ? null : { latitude: m.latitude, longitude: m.longitude }),
      processes: (m: Member) => toProcesses(m.processCodes),
      certifications: (m: Member, _: unknown, ctx: NetworkContext) => ctx.loaders.certifications.load(m.id),
      services: (m: Member, _: unknown, ctx: NetworkContext) => ctx.loaders.services.load(m.id),
      contacts: (m: Member, _: unknown, ctx: NetworkContext) => (canSeeContacts(ctx.identity) ? ctx.loaders.contacts.load(m.id) : []),
      archivedAt: (m: Member) => m.archivedAt?.toISOString() ?? null,
      createdAt: (m: Member) => m.createdAt.toISOString(),
      updatedAt: (m: Member) => m.updatedAt.toISOString(),
    },
    Certification: {
      valid: (c: Certification) => c.validUntil >= today(),
    },
    Service: {
      id: (s: Service) => serviceIds.format(network, s.id),
      processes: (s: Service) => toProcesses(s.processCodes),
    },
    ContactPerson: {
      id: (c: { id: number }) => contactIds.format(network, c.id),
    },
  } as Resolvers;
}

function written(m: Member) {
  return { localId: m.id };
}

/** Resolvers of the internal API that region calls. The owner applies its access rules here. */
export function internalResolvers(network: string): Resolvers {
  return {
    Query: {
      search(_: unknown, args: { filter?: PushedDownFilter | null; order: MemberOrder; first: number; after?: MemberOrderKey | null; facets: boolean; countLimit?: number | null }, ctx: NetworkContext) {
        // 0 asks for the count alone (Network.memberCount); region's pages ask at most 101 (100 and one that tells whether more follow).
        const first = pageSize(args.first, 1001, { min: 0 });
        const countLimit = args.countLimit ?? null;
        if (countLimit !== null && (!Number.isInteger(countLimit) || countLimit < 1)) throw badInput('countLimit', 'countLimit must be a positive integer or null (count exactly).');
        return searchMembers(ctx.em, { network, filter: args.filter ?? {}, order: args.order, first, after: args.after ?? null, withFacets: args.facets, countLimit });
      },
      matchSuppliers(_: unknown, args: { requirements: Requirements; first: number }, ctx: NetworkContext) {
        // Region's page of at most 100, and the one more that tells whether another page follows.
        return matchSuppliers(ctx.em, args.requirements, pageSize(args.first, 101));
      },
      async existing(_: unknown, args: { localIds: number[] }, ctx: NetworkContext) {
        const found = await ctx.loaders.member.loadMany(args.localIds);
        // A failed load is an error, never an absent member: dropping it answered "does not exist" while the database was down.
        const failed = found.find((m) => m instanceof Error);
        if (failed) throw failed;
        return args.localIds.filter((_id, i) => found[i] !== null);
      },
      auditLog(_: unknown, args: { first: number; before?: number | null }, ctx: NetworkContext) {
        assertCanReadAudit(ctx.identity, network);
        return auditPage(ctx.em, pageSize(args.first, 101), args.before ?? null);
      },
    },
    Mutation: {
      async createMember(_: unknown, args: { input: MemberFields; idempotencyKey?: string | null }, ctx: NetworkContext) {
        assertCanWriteMember(ctx.identity, network, null, 'create');
        const key = idempotency(ctx.identity, 'createMember', args.idempotencyKey, args.input);
        return written(await createMember(ctx.em, args.input, ctx.identity, key));
      },
      async updateMember(_: unknown, args: { localId: number; input: MemberFields; version?: number | null; idempotencyKey?: string | null }, ctx: NetworkContext) {
        const id = memberGlobalId(network, args.localId);
        assertCanWriteMember(ctx.identity, network, id, 'update');
        const version = args.version ?? null;
        const key = idempotency(ctx.identity, 'updateMember', args.idempotencyKey, { localId: args.localId, input: args.input, version });
        return written(await updateMember(ctx.em, args.localId, id, args.input, version, ctx.identity, key));
      },
      async archiveMember(_: unknown, args: { localId: number }, ctx: NetworkContext) {
        const id = memberGlobalId(network, args.localId);
        assertCanWriteMember(ctx.identity, network, id, 'archive');
        return written(await archiveMember(ctx.em, args.localId, id, ctx.identity));
      },
      async deleteContactPerson(_: unknown, args: { localId: number }, ctx: NetworkContext) {
        requireSignedIn(ctx.identity);
        const authorize = (memberLocalId: number) => assertCanWriteMember(ctx.identity, network, memberGlobalId(network, memberLocalId), 'delete contact persons of');
        return written(await deleteContactPerson(ctx.em, args.localId, contactIds.format(network, args.localId), authorize, ctx.identity));
      },
    },
    AuditEntry: {
      at: (e: AuditEntry) => e.at.toISOString(),
      before: (e: AuditEntry) => (e.before === null ? null : JSON.stringify(e.before)),
      after: (e: AuditEntry) => (e.after === null ? null : JSON.stringify(e.after)),
    },
  } as Resolvers;
}
