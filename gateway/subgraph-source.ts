import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { type DocumentNode, GraphQLError, Kind, parse, type StringValueNode } from 'graphql';
import { refusedSignature, signedPost, type PostAnswer } from '../shared/http-client.ts';
import { encodeIdentity, identityHeader, type Identity } from '../shared/identity.ts';
import { findNetwork } from '../shared/networks.ts';
import { fetchNameHeader } from '../shared/observability.ts';
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

/** A call that ran out of its budget (shared/http-client.ts), as against one refused or broken off. */
const timedOut = (error: Error) => /no answer within/.test(error.message);

/**
 * The query plan names each fetch after the client's operation (`Members__niwe__1`), so every operation name a
 * client sent made a new document for the subgraph, which parsed and validated it again and could not share it in
 * flight. The fetch goes without the name: one text per selection, whatever the client called it. The name still
 * reaches the subgraph's logs and metrics, in a header (shared/observability.ts). Benchmark Q4 (a new operation name
 * on every request, over 256 selections) at concurrency 32: the subgraphs' CPU per request 5.03-5.28 ms with the name,
 * 4.25-4.4 ms without (bench/README, "The fetches without the client's name").
 */
const operationNameOf = /^(query|mutation|subscription) [_A-Za-z][_0-9A-Za-z]*/;
/**
 * A cached query plan hands over the same fetch texts on every request: each is unnamed once and kept, up to
 * `unnamedKept` texts, then they start over (Q4 plans every request anew and would only churn a larger store).
 * The replace copied the text for every call: 0.9 % of the gateway's CPU profile on benchmark Q2.1 at concurrency 1.
 */
const unnamedTexts = new Map<string, string>();
const unnamedKept = 1000;
function unnamed(query: string): string {
  let text = unnamedTexts.get(query);
  if (text === undefined) {
    text = query.replace(operationNameOf, '$1');
    if (unnamedTexts.size >= unnamedKept) unnamedTexts.clear();
    unnamedTexts.set(query, text);
  }
  return text;
}

/** What the operator is to do about an error a fetch ended in, said in the request's log line without a stack. */
export const operatorLines = new WeakMap<object, string>();

/** What the errors of a mutation's read-back add: the write stands, so a retry would make it twice. */
const appliedWords = 'The write was applied; only reading back what it wrote failed, so do not send it again: read it later.';

/**
 * A mutation's read-back (the fields other subgraphs add to what it wrote) that failed: every error says the write
 * was applied (writeOutcome APPLIED). An updateMember through region whose member's fields NIWE could not give (its
 * database lost) read "Network NIWE cannot reach its database … Retry shortly.", with no outcome, and a client that
 * retried a createMember without a key made the member twice (the faults probe).
 */
function appliedWrite(answer: SubgraphAnswer): void {
  answer.errors = answer.errors?.map((error) => ({
    ...error,
    message: `${error.message} ${appliedWords}`,
    extensions: { ...error.extensions, writeOutcome: 'APPLIED' },
  }));
}

export class SubgraphSource implements GraphQLDataSource<GatewayContext> {
  readonly url: URL;
  readonly #options: SubgraphSourceOptions;
  readonly #reads: InFlight<PostAnswer> = inFlight();
  /**
   * Set while the subgraph is silent: a call ran out of its budget and none has answered since. Then one call at a
   * time goes to it (the probe), and every other fails at once. A network cut off from the region's machine kept each
   * profile read waiting the whole budget, 12 s a read, and two requests finished in a partition of 27 s (the
   * operations probe); now one waits and the rest are answered at once, until the subgraph answers again.
   */
  #silent: { since: number; probing: boolean } | undefined;
  /** True from a call the subgraph refused for its signature until one it takes (the gateway's /ready reads it). */
  refusesSignature = false;

  constructor(options: SubgraphSourceOptions) {
    this.#options = options;
    this.url = new URL(options.url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const { operationName, extensions } = request;
    if (!request.query) throw new Error(`No operation for subgraph ${this.#options.name}.`);
    const query = unnamed(request.query);
    let variables = request.variables;
    const asked: unknown = variables?.representations;
    const collapsed = Array.isArray(asked) ? collapseRepresentations(asked) : undefined;
    if (collapsed) variables = { ...variables, representations: collapsed.representations };
    if (Array.isArray(asked)) this.#options.onRepresentations?.(asked.length, collapsed?.representations.length ?? asked.length);
    const body = JSON.stringify({ query, variables, extensions });
    const identity = context.identity ? identityHeaderOf(context.identity) : undefined;
    const send = () => {
      const silent = this.#silent;
      if (silent?.probing) return Promise.reject(this.#notAsked(silent.since, write, readBack));
      if (silent) silent.probing = true;
      this.#options.onRequest?.(this.#options.name);
      const headers: Record<string, string> = identity ? { [identityHeader]: identity } : {};
      if (operationName) headers[fetchNameHeader] = operationName;
      return signedPost(this.#options.secret, this.url, { service: this.#options.name, headers, body, timeoutMs: this.#options.timeoutMs }).then(
        (answer) => {
          this.#silent = undefined;
          return answer;
        },
        (error: Error) => {
          // Only the probe lets the next call go: calls sent before the silence, timing out one after another while
          // the probe waits, each let one more through (the review).
          if (silent) silent.probing = false;
          else if (timedOut(error)) this.#silent ??= { since: Date.now(), probing: false };
          throw this.#unavailable(error, write, readBack);
        },
      );
    };
    const write = isWrite(query);
    // The reads of a mutation's plan fetch what it wrote: an identical read that another operation has in flight may
    // have been sent before the write, so they are never shared (unnamed, a mutation's read of a member is the same
    // text as a query's).
    const ofMutation = 'incomingRequestContext' in options && options.incomingRequestContext.operation?.operation === 'mutation';
    // Such a read runs only once the write answered with data: it was applied, whatever becomes of the read.
    const readBack = ofMutation && !write;
    const answer = write || ofMutation ? await send() : await this.#reads.run(`${identity ?? ''}\n${body}`, send);
    this.refusesSignature = answer.status === 401;
    if (answer.status === 401) throw this.#refusedSignature(answer, write, readBack);
    if (answer.status < 200 || answer.status > 299) {
      // As RemoteGraphQLDataSource reports it; the gateway's error masking hides it from clients (gateway/errors.ts).
      const code = answer.status === 403 ? 'FORBIDDEN' : undefined;
      throw new GraphQLError(`${answer.status}: ${answer.statusText}`, {
        extensions: { ...(code && { code }), response: { status: answer.status, body: answer.body.slice(0, 2000) } },
      });
    }
    const result = JSON.parse(answer.body) as unknown;
    if (typeof result !== 'object' || result === null) throw new Error(`Subgraph ${this.#options.name} answered something other than a JSON object.`);
    if (readBack) appliedWrite(result as SubgraphAnswer);
    return (collapsed ? collapsed.expand(result as SubgraphAnswer) : result) as GatewayGraphQLResponse;
  }

  /**
   * A subgraph that is hung (region under SIGSTOP kept the gateway waiting for over 60 s) or gone. The
   * fields this subgraph serves are null and the rest is answered; the error has no path (a member missing from
   * a list shows as its null beside its id, memberRef: member { id }, README "Errors"). A write that
   * was sent may have been applied, so the client is told its outcome is unknown. A network's subgraph is
   * NETWORK_UNAVAILABLE naming the network, as region says when it cannot reach one: a client tells
   * "this network's entries are missing" from one code, whichever service found the network gone.
   */
  #unavailable(error: Error, write: boolean, readBack: boolean): GraphQLError {
    const what = timedOut(error) ? `did not answer within ${this.#options.timeoutMs} ms` : 'could not be reached';
    // Refused at connecting, nothing was sent: the write was not applied (region says so of a network it cannot reach).
    const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
    return this.#outError(what, write ? (refused ? 'NOT_APPLIED' : 'UNKNOWN') : undefined, readBack, error);
  }

  /**
   * What the client reads of this subgraph being out, each way it can be: `what` it did, then what became of a write
   * (`outcome`), or of the write that a mutation's read-back follows (applied).
   */
  #outError(what: string, outcome: 'NOT_APPLIED' | 'UNKNOWN' | undefined, readBack: boolean, originalError?: Error): GraphQLError {
    const service = this.#options.name;
    const network = findNetwork(service.toUpperCase())?.code;
    const words =
      outcome === 'NOT_APPLIED'
        ? ' The write was not applied; retry it later.'
        : outcome === 'UNKNOWN'
          ? ' The write may or may not have been applied; retry it with the same idempotencyKey.'
          : readBack
            ? ` ${appliedWords}`
            : '';
    return new GraphQLError(`${network ? `Network ${network}` : `Service ${service}`} ${what}.${words}`, {
      extensions: {
        ...(network ? { code: 'NETWORK_UNAVAILABLE', network } : { code: 'SERVICE_UNAVAILABLE' }),
        service,
        ...(outcome ? { writeOutcome: outcome } : readBack && { writeOutcome: 'APPLIED' }),
      },
      originalError,
    });
  }

  /**
   * Whether the subgraph still refuses the gateway's signature, asked with a signed `{ __typename }`: /ready asks it
   * while refusesSignature holds, since a balancer that took the gateway out sends no call that would find it mended.
   */
  async checkSignature(timeoutMs: number): Promise<boolean> {
    const body = '{"query":"{ __typename }"}';
    const answer = await signedPost(this.#options.secret, this.url, { service: this.#options.name, body, timeoutMs });
    this.refusesSignature = answer.status === 401;
    return this.refusesSignature;
  }

  /** A call not sent, as the subgraph is silent (#silent): what the client reads, and a write certainly not applied. */
  #notAsked(since: number, write: boolean, readBack: boolean): GraphQLError {
    const seconds = Math.max(1, Math.round((Date.now() - since) / 1000));
    const what = `has not answered for ${seconds} s (a call ran out of its ${this.#options.timeoutMs} ms); it is asked again once the call in flight to it is answered`;
    return this.#outError(what, write ? 'NOT_APPLIED' : undefined, readBack);
  }

  /**
   * A subgraph that refused the gateway's signature (a secret set differently at the two, clocks far apart):
   * nothing ran there. The client reads it as unavailable, as a subgraph that does not answer, and a write as not
   * applied; the log names the setting. It read UNAUTHENTICATED, as if the client had to sign in, or
   * INTERNAL_SERVER_ERROR with a stack in the log (the operator's probe, changing NIWE's secret at NIWE alone).
   */
  #refusedSignature(answer: PostAnswer, write: boolean, readBack: boolean): GraphQLError {
    // Not "could not be reached", which sent the operator looking for a service that was up (the operations probe).
    const error = this.#outError("refused the gateway's call: a fault in our set-up, not in the request", write ? 'NOT_APPLIED' : undefined, readBack);
    // The request's log line says it (gateway/errors.ts requestIdPlugin), in these words instead of a stack.
    const service = this.#options.name;
    operatorLines.set(error, refusedSignature(answer, 'the gateway', findNetwork(service.toUpperCase())?.code ?? service));
    return error;
  }

  /** Requests answered by an identical one in flight so far. */
  shared(): number {
    return this.#reads.shared();
  }
}
