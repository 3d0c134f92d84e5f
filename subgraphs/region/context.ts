import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import type { Identity } from '../../shared/identity.ts';
import type { NetworkClient } from './network-client.ts';

export interface RegionContext {
  identity: Identity;
  /** The identity header as received, forwarded unchanged to the networks. */
  identityHeader: string | undefined;
  client(network: string): NetworkClient;
  /** Errors about missing parts of an otherwise good answer (a network that is down); added to the response. */
  partialErrors: GraphQLError[];
  /** Region's own database, forked for this request. */
  em: EntityManager;
}
