import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from '../../shared/identity.ts';
import type { NetworkClient } from './network-client.ts';

export interface RegionContext {
  identity: Identity;
  /** The identity header as received, forwarded unchanged to the networks. */
  identityHeader: string | undefined;
  client(network: string): NetworkClient;
  /** Errors about missing parts of an otherwise good answer (a network that is down); added to the response. */
  partialErrors: GraphQLError[];
  /** A fork of region's EntityManager for this request. */
  em: EntityManager;
  /** Availability status by member id, batched per request. */
  availability: DataLoader<string, string>;
  /** Webhooks may point at loopback and private addresses (WEBHOOK_ALLOW_LOOPBACK=1). */
  allowLoopbackWebhooks: boolean;
  /** Seals webhook secrets at rest (inquiries/webhook-secrets.ts). */
  webhookKey: Buffer;
  /** Hits a network counts per search; past it counts are lower bounds. Null counts exactly. */
  searchCountLimit: number | null;
}
