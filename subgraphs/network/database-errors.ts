import { GraphQLError } from 'graphql';
import { formatLostDatabase } from '../../shared/database-errors.ts';

// A network whose database cannot be reached must say so, never answer as if
// a record were absent or the request wrong: with NIWE's database refusing
// connections, member(id), postCapacity and setAvailability answered "Member
// NIWE:m-1 does not exist." 156 times in two fault rounds. Such failures leave
// the network as NETWORK_UNAVAILABLE naming it, the code region and the gateway
// already use for a network that does not answer, so a client treats both
// alike: that network's part is missing, retry later.

export function databaseUnavailable(network: string): GraphQLError {
  return new GraphQLError(`Network ${network} cannot reach its database; its part of the answer is missing. Retry shortly.`, {
    extensions: { code: 'NETWORK_UNAVAILABLE', network, reason: 'DATABASE_UNAVAILABLE' },
  });
}

/** The services' formatError, with a lost database answered as NETWORK_UNAVAILABLE at the failed field's path. */
export function networkFormatError(network: string) {
  return formatLostDatabase(network, () => databaseUnavailable(network));
}
