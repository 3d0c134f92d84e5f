import type { KnownMembers } from './known-members.ts';
import type { RegionWords } from './members/known-words.ts';
import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../shared/identity.ts';
import { availabilityLoader } from './capacity/availability.ts';
import { InquiryAccess } from './inquiries/access.ts';
import { createInquiryLoaders, type InquiryLoaders } from './inquiries/loaders.ts';
import type { NetworkClient } from './network-client.ts';
import { createWorkingGroupLoaders, type WorkingGroupLoaders } from './working-groups/loaders.ts';

export interface RegionContext {
  identity: Identity;
  /** The identity header as received, forwarded unchanged to the networks. */
  identityHeader: string | undefined;
  client(network: string): NetworkClient;
  /** The members region found at their networks lately, for every request (known-members.ts). */
  knownMembers: KnownMembers;
  /** The search words some network's members use, for every request (members/known-words.ts). */
  regionWords: RegionWords;
  /** Whether the request is a mutation: set once Apollo has resolved the operation, before any resolver runs (server.ts). */
  mutation: boolean;
  /** Whether that mutation names an idempotency key: its write may have been made by an earlier attempt with the key. */
  keyed: boolean;
  /** Errors about missing parts of an otherwise good answer (a network that is down); added to the response. */
  partialErrors: GraphQLError[];
  /** A fork of region's EntityManager for this request. */
  em: EntityManager;
  /** Availability status by member id, batched per request. */
  availability: DataLoader<string, string>;
  /** The inquiry flow's reads, batched per request. */
  inquiryLoaders: InquiryLoaders;
  /** What the caller may see of the inquiries this request loads. */
  inquiryAccess: InquiryAccess;
  /** The working groups' reads and access checks, batched per request. */
  workingGroupLoaders: WorkingGroupLoaders;
  /** Webhooks may point at loopback and private addresses (WEBHOOK_ALLOW_LOOPBACK=1). */
  allowLoopbackWebhooks: boolean;
  /** Seals webhook secrets at rest (inquiries/webhook-secrets.ts). */
  webhookKey: Buffer;
  /** Hits a network counts per search; past it counts are lower bounds. Null counts exactly. */
  searchCountLimit: number | null;
}

/** What a request keeps for itself alone: its loaders and the caller's access to inquiries, never shared with another request. */
export function requestState(
  em: EntityManager,
  identity: Identity,
): Pick<RegionContext, 'availability' | 'inquiryLoaders' | 'inquiryAccess' | 'workingGroupLoaders'> {
  return {
    availability: availabilityLoader(em),
    inquiryLoaders: createInquiryLoaders(em),
    inquiryAccess: new InquiryAccess(identity),
    workingGroupLoaders: createWorkingGroupLoaders(em, identity),
  };
}
