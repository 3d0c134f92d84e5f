import { GraphQLError } from 'graphql';
import { isClientErrorCode, networkUnavailable } from '../../shared/errors.ts';
import { identityHeader } from '../../shared/identity.ts';
import { signedPost } from '../../shared/http-client.ts';

// Region's calls to a network's internal API. The caller's identity travels
// along so the network applies its own access rules; a network that is down or
// late turns into NETWORK_UNAVAILABLE, never into an address or a stack.

export class NetworkClient {
  readonly network: string;
  readonly url: URL;
  readonly timeoutMs: number;
  readonly secret: string | undefined;
  /** Calls made so far; tests and the benchmark read it. */
  calls = 0;

  constructor(network: string, baseUrl: string, timeoutMs: number, secret: string | undefined) {
    this.network = network;
    this.url = new URL(`${baseUrl}/internal/graphql`);
    this.timeoutMs = timeoutMs;
    this.secret = secret;
  }

  async request<T>(query: string, variables: Record<string, unknown>, identity: string | undefined): Promise<T> {
    this.calls++;
    let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    try {
      const answer = await signedPost(this.secret, this.url, {
        service: this.network,
        headers: identity ? { [identityHeader]: identity } : {},
        body: JSON.stringify({ query, variables }),
        timeoutMs: this.timeoutMs,
      });
      body = JSON.parse(answer.body) as typeof body;
    } catch (error) {
      console.warn(`[region] network ${this.network} unavailable: ${(error as Error).message}`);
      throw networkUnavailable(this.network);
    }
    const error = body.errors?.[0];
    if (error) {
      // The owner's client errors (validation, access, not found) reach the caller unchanged.
      if (isClientErrorCode(error.extensions?.code)) throw new GraphQLError(error.message, { extensions: error.extensions });
      console.warn(`[region] network ${this.network} failed: ${error.message}`);
      throw networkUnavailable(this.network);
    }
    if (!body.data) throw networkUnavailable(this.network);
    return body.data;
  }
}
