import { GraphQLError } from 'graphql';
import { isClientErrorCode, networkFailed, networkUnavailable } from '../../shared/errors.ts';
import { identityHeader } from '../../shared/identity.ts';
import { type PostAnswer, refusedSignature, signedPost } from '../../shared/http-client.ts';
import { currentLog } from '../../shared/observability.ts';
import { internalApiVersion, sameMajor, serves, unversioned, versionMismatch } from '../../shared/internal-api.ts';
import { memberGlobalId } from '../../shared/ids.ts';
import { memberTypeName } from '../../shared/networks.ts';

// Region's calls to a network's internal API. The caller's identity travels
// along so the network applies its own access rules; a network that is down or
// late turns into NETWORK_UNAVAILABLE, never into an address or a stack.

export class NetworkClient {
  readonly network: string;
  readonly url: URL;
  /** The network's subgraph endpoint, which the gateway also calls: for members' fields from a network before 1.8. */
  readonly subgraphUrl: URL;
  readonly timeoutMs: number;
  readonly secret: string | undefined;
  /** The internal API version region speaks (shared/internal-api.ts). */
  readonly version: string;
  /** The version the network said it serves in its last answer; undefined before the first. */
  served: string | undefined;
  /** Calls made so far; tests and the benchmark read it. */
  calls = 0;

  constructor(network: string, baseUrl: string, timeoutMs: number, secret: string | undefined, version = internalApiVersion) {
    this.network = network;
    this.version = version;
    this.url = new URL(`${baseUrl}/internal/graphql`);
    this.subgraphUrl = new URL(`${baseUrl}/graphql`);
    this.timeoutMs = timeoutMs;
    this.secret = secret;
  }

  /**
   * Sends one operation; `write` marks a mutation, whose failure leaves its outcome unknown (see unconfirmedWrite):
   * true for one that takes an idempotencyKey, else the sentence that says how to retry it safely.
   * `timeoutMs` replaces the network's budget for an operation known to take longer (a member import).
   * `since` is the internal API version that brought the operation (1.0 unless said): a network known to
   * serve an older one is not asked, and gets an error naming both versions instead.
   */
  async request<T>(
    query: string,
    variables: Record<string, unknown>,
    identity: string | undefined,
    options: { write?: true | string; timeoutMs?: number; since?: string } = {},
  ): Promise<T> {
    const since = options.since ?? unversioned;
    if (this.served !== undefined && !serves(this.served, since)) throw needs(this, this.served, since);
    try {
      const { data, served } = await this.send<T>(query, variables, identity, options.timeoutMs ?? this.timeoutMs);
      // Sent before its version was known, and answered by an older one: what it answered is not what was asked (a
      // family of materials read as one material found nothing, with exactCounts true; the operations probe). This
      // answer's version, not this.served, which another replica's answer may have set meanwhile.
      if (!options.write && !serves(served, since)) throw needs(this, served, since);
      return data;
    } catch (error) {
      if (options.write && (error as GraphQLError).extensions?.code === 'NETWORK_UNAVAILABLE')
        throw unconfirmedWrite(error as GraphQLError, this.network, options.write === true ? retryWithKey : options.write);
      throw error;
    }
  }

  /**
   * Members' fields from the network's subgraph endpoint, as the gateway's entity fetch asks for them: for a network
   * before internal API 1.8, whose search cannot answer them (members/provided.ts). Null for a member it does not have.
   */
  async entities(localIds: readonly number[], fields: string, identity: string | undefined): Promise<(Record<string, unknown> | null)[]> {
    const type = memberTypeName(this.network);
    const representations = localIds.map((id) => ({ __typename: type, id: memberGlobalId(this.network, id) }));
    const { data } = await this.send<{ _entities: (Record<string, unknown> | null)[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type} { ${fields} } } }`,
      { representations },
      identity,
      this.timeoutMs,
      this.subgraphUrl,
    );
    return data._entities;
  }

  /** `url`: the internal API unless said; the subgraph endpoint speaks no internal API version, and none is read from it. */
  private async send<T>(
    query: string,
    variables: Record<string, unknown>,
    identity: string | undefined,
    timeoutMs: number,
    url = this.url,
  ): Promise<{ data: T; served: string }> {
    const internal = url === this.url;
    this.calls++;
    let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: { internalApiVersion?: unknown } } = {};
    let answer: PostAnswer | undefined;
    try {
      answer = await signedPost(this.secret, url, {
        service: this.network,
        headers: identity ? { [identityHeader]: identity } : {},
        body: JSON.stringify(internal ? { query, variables, extensions: { internalApiVersion: this.version } } : { query, variables }),
        timeoutMs,
      });
      if (answer.status !== 401) body = JSON.parse(answer.body) as typeof body;
    } catch (error) {
      currentLog().warn({ network: this.network, code: 'NETWORK_UNAVAILABLE' }, `network ${this.network} unavailable: ${(error as Error).message}`);
      const unavailable = networkUnavailable(this.network);
      // Refused: the request never reached the network, so a write was certainly not applied.
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') neverSent.add(unavailable);
      throw unavailable;
    }
    if (answer.status === 401) {
      // The network refused region's signature before running anything: a write was certainly not applied.
      currentLog().error({ network: this.network, code: 'NETWORK_UNAVAILABLE' }, refusedSignature(answer, 'region', this.network));
      const refused = networkUnavailable(this.network);
      neverSent.add(refused);
      throw refused;
    }
    const served = typeof body.extensions?.internalApiVersion === 'string' ? body.extensions.internalApiVersion : unversioned;
    if (internal) this.served = served;
    const error = body.errors?.[0];
    // A network of another major version, or one that does not know what was asked (an older minor): said
    // with both versions, never as the network being down, since waiting will not mend it.
    if (error?.extensions?.code === 'INTERNAL_API_VERSION') throw new GraphQLError(error.message, { extensions: error.extensions });
    if (internal && !sameMajor(served, this.version))
      throw versionMismatch(this.network, this.version, served, 'their major versions differ, so they cannot work together');
    if (internal && error?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && !serves(served, this.version)) {
      throw versionMismatch(this.network, this.version, served, `that network does not know what was asked (${error.message})`);
    }
    if (error) {
      // The owner's client errors (validation, access, not found) reach the caller unchanged.
      if (isClientErrorCode(error.extensions?.code)) throw new GraphQLError(error.message, { extensions: error.extensions });
      currentLog().warn({ network: this.network, code: error.extensions?.code }, `network ${this.network} failed: ${error.message}`);
      throw networkFailed(this.network);
    }
    if (!body.data) throw networkFailed(this.network);
    return { data: body.data, served };
  }
}

/**
 * `newer`, a request that needs internal API `since`, for a network not known to serve less; `older`, what an older
 * one answers instead, for one known to serve less or that refuses `newer` for its version (an older minor not known
 * yet, or replicas not all updated).
 */
export async function newerOrOlder<T>(client: NetworkClient, since: string, newer: () => Promise<T>, older: () => Promise<T>): Promise<T> {
  if (client.served === undefined || serves(client.served, since)) {
    try {
      return await newer();
    } catch (error) {
      if ((error as GraphQLError).extensions?.code !== 'INTERNAL_API_VERSION') throw error;
    }
  }
  return older();
}

/** An operation that came with `since`, which the network serving `served` does not know. */
const needs = (client: NetworkClient, served: string, since: string) =>
  versionMismatch(client.network, client.version, served, `this needs ${since}, which that network does not serve yet`);

/** Errors of calls the network refused to connect: nothing was sent. */
const neverSent = new WeakSet<GraphQLError>();

/** How to retry a write that takes an idempotencyKey: the network applies a key once. */
const retryWithKey = 'Retrying with the same idempotencyKey is safe: the write is applied once.';

/** What `write` is for a write that takes an idempotencyKey: how to retry it, with the key given or without one. */
export function keyedWrite(key: string | null | undefined): true | string {
  return key
    ? true
    : 'It carried no idempotencyKey, so a retry may apply it twice: look whether it was applied first, and send a key with a write you may have to retry.';
}

/**
 * A write the network did not confirm (no answer in time, a broken connection,
 * its database lost mid-write) may have been applied or not: with NIWE hung,
 * createMember answered NETWORK_UNAVAILABLE after 2 s and was applied when NIWE
 * resumed. The error says so, and how to retry safely: with the same
 * idempotencyKey, or for a write without one, what the caller's `retry` says
 * (registerForEvent told its caller to use a key it does not take).
 */
function unconfirmedWrite(error: GraphQLError, network: string, retry: string): GraphQLError {
  if (neverSent.has(error)) {
    return new GraphQLError(`Network ${network} could not be reached; the write was not applied. Retry it later.`, {
      extensions: { ...error.extensions, network, writeOutcome: 'NOT_APPLIED' },
    });
  }
  return new GraphQLError(`Network ${network} did not confirm the write, so it may or may not have been applied. ${retry}`, {
    extensions: { ...error.extensions, code: 'NETWORK_UNAVAILABLE', network, writeOutcome: 'UNKNOWN' },
  });
}
