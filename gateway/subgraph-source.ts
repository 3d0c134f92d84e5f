import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { type DocumentNode, GraphQLError, Kind, parse, type StringValueNode } from 'graphql';
import { signedPost, type PostAnswer } from '../shared/http-client.ts';
import { encodeIdentity, identityHeader, type Identity } from '../shared/identity.ts';
import { inFlight, type InFlight } from './dedupe.ts';
import { collapseRepresentations, type SubgraphAnswer } from './representations.ts';
import type { GatewayContext } from './server.ts';

// How the gateway calls one subgraph: the query plan's operation as a signed
// JSON POST carrying the caller's verified identity (subgraphs never see the
// raw token), each entity representation sent once (gateway/representations.ts),
// reads in flight shared with identical ones. Apollo's
// RemoteGraphQLDataSource does the same through node-fetch objects and fetch;
// this is its work without them (see shared/http-client.ts).

export interface SubgraphSourceOptions {
  name: string;
  url: string;
  secret: string | undefined;
  /** Called for every request sent; the gateway counts them. */
  onRequest?: (name: string) => void;
  /** Called for every entity fetch: representations the plan asked for, and those sent after collapsing repeats. */
  onRepresentations?: (asked: number, sent: number) => void;
  /** The time budget of one call (SUBGRAPH_TIMEOUT_MS). */
  timeoutMs: number;
}

/** The name of every subgraph a supergraph calls (its join__Graph values), so that each gets a signing secret, not just the known four. */
export function supergraphSubgraphNames(supergraphSdl: string): string[] {
  const names: string[] = [];
  for (const definition of joinGraphDocument(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = graph?.arguments?.find((a) => a.name.value === 'name')?.value as StringValueNode | undefined;
      if (name) names.push(name.value);
    }
  }
  return names;
}

/**
 * The join__Graph enum alone, cut from the supergraph's text and parsed: 0.1 ms, where parsing the whole of it
 * (127 kB) took 60-110 ms of the gateway's start, before @apollo/gateway parses it once more for itself. A text
 * where the cut does not parse (braces in a value's string) is parsed whole.
 */
function joinGraphDocument(supergraphSdl: string): DocumentNode {
  const enumText = /\benum\s+join__Graph\b[^{]*\{[^}]*\}/.exec(supergraphSdl)?.[0];
  if (enumText) {
    try {
      return parse(enumText);
    } catch {}
  }
  return parse(supergraphSdl);
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

// A request's plan calls up to four subgraphs with one identity (an anonymous caller's is one object for all):
// its header is encoded once, not per call.
const identityHeaders = new WeakMap<Identity, string>();
function identityHeaderOf(identity: Identity): string {
  let header = identityHeaders.get(identity);
  if (header === undefined) {
    header = encodeIdentity(identity);
    identityHeaders.set(identity, header);
  }
  return header;
}

const isWrite = (query: string) => /^\s*(mutation|subscription)\b/.test(query);

export class SubgraphSource implements GraphQLDataSource<GatewayContext> {
  readonly url: URL;
  readonly #options: SubgraphSourceOptions;
  readonly #reads: InFlight<PostAnswer> = inFlight();

  constructor(options: SubgraphSourceOptions) {
    this.#options = options;
    this.url = new URL(options.url);
  }

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, operationName, extensions } = request;
    if (!query) throw new Error(`No operation for subgraph ${this.#options.name}.`);
    let variables = request.variables;
    const asked: unknown = variables?.representations;
    const collapsed = Array.isArray(asked) ? collapseRepresentations(asked) : undefined;
    if (collapsed) variables = { ...variables, representations: collapsed.representations };
    if (Array.isArray(asked)) this.#options.onRepresentations?.(asked.length, collapsed?.representations.length ?? asked.length);
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const identity = context.identity ? identityHeaderOf(context.identity) : undefined;
    const send = () => {
      this.#options.onRequest?.(this.#options.name);
      const headers: Record<string, string> = identity ? { [identityHeader]: identity } : {};
      return signedPost(this.#options.secret, this.url, { service: this.#options.name, headers, body, timeoutMs: this.#options.timeoutMs }).catch(
        (error: Error) => {
          throw this.#unavailable(error, write);
        },
      );
    };
    const write = isWrite(query);
    const answer = write ? await send() : await this.#reads.run(`${identity ?? ''}\n${body}`, send);
    if (answer.status < 200 || answer.status > 299) {
      // As RemoteGraphQLDataSource reports it; the gateway's error masking hides it from clients (gateway/errors.ts).
      const code = answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
      throw new GraphQLError(`${answer.status}: ${answer.statusText}`, {
        extensions: { ...(code && { code }), response: { status: answer.status, body: answer.body.slice(0, 2000) } },
      });
    }
    const result = JSON.parse(answer.body) as unknown;
    if (typeof result !== 'object' || result === null) throw new Error(`Subgraph ${this.#options.name} answered something other than a JSON object.`);
    return (collapsed ? collapsed.expand(result as SubgraphAnswer) : result) as GatewayGraphQLResponse;
  }

  /**
   * A subgraph that is hung (region under SIGSTOP kept the gateway waiting for over 60 s) or gone. The
   * query planner puts the error at the fields this subgraph serves and answers the rest. A write that
   * was sent may have been applied, so the client is told its outcome is unknown.
   */
  #unavailable(error: Error, write: boolean): GraphQLError {
    const service = this.#options.name;
    const reason = /no answer within/.test(error.message) ? `did not answer within ${this.#options.timeoutMs} ms` : 'could not be reached';
    const outcome = write ? ' The write may or may not have been applied; retry it with the same idempotencyKey.' : '';
    return new GraphQLError(`Service ${service} ${reason}.${outcome}`, {
      extensions: { code: 'SERVICE_UNAVAILABLE', service, ...(write && { writeOutcome: 'UNKNOWN' }) },
      originalError: error,
    });
  }

  /** Requests answered by an identical one in flight so far. */
  shared(): number {
    return this.#reads.shared();
  }
}
