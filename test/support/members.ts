import { randomUUID } from 'node:crypto';
import { createMember as writeMember } from '../../subgraphs/network/members.ts';
import { gatewayQuery, ok, type Stack } from './stack.ts';
import type { Supervisor } from './supervisor.ts';

export interface CreateMemberOptions {
  /** Fields of the created member to select beside `id` (e.g. `version` or `contacts { id name }`), returned as `member`. */
  fields?: string;
  /** How the mutation is sent, if not by stack.query: another gateway or replica (gatewayQuery), a portal session's fetch, … */
  query?: Stack['query'];
}

/**
 * Creates a member of `network` as the admin of `adminToken` (or whoever that token is: an office creates its own
 * network's), as a careful client does: with an idempotency key, asking again with it while the network's answer is
 * UNKNOWN (a network that did not confirm within region's budget, which a busy machine meets: test/search-counts.e2e.ts's
 * set-up failed so in a CI run beside three other test runs). One request when nothing fails, so ids come in the order
 * of the calls. Returns its id, a token of the member and the selected fields (`options.fields`) as `member`. `stack`
 * needs only query and token: a graph started otherwise (npm start) passes its own.
 */
export async function createMember<T extends Record<string, any> = Record<string, any>>(
  stack: Pick<Stack, 'query' | 'token'>,
  adminToken: string,
  network: string,
  input: Record<string, unknown>,
  options: CreateMemberOptions = {},
): Promise<{ id: string; token: string; member: T & { id: string } }> {
  const key = `test-${randomUUID()}`;
  const query: Stack['query'] = options.query ?? ((text, variables, token) => stack.query(text, variables, token));
  const selection = options.fields ? `id ${options.fields}` : 'id';
  const mutation = `mutation($n: NetworkCode!, $input: MemberInput!, $key: String) { createMember(network: $n, input: $input, idempotencyKey: $key) { ${selection} } }`;
  for (let attempt = 1; ; attempt++) {
    const res = await query<{ createMember: T & { id: string } }>(mutation, { n: network, input, key }, adminToken);
    const unknown = res.errors?.length === 1 && res.errors[0].extensions?.writeOutcome === 'UNKNOWN';
    if (unknown && attempt < 5) continue;
    const data = await ok(res);
    const member = data.createMember;
    return { id: member.id, token: await stack.token({ role: 'member', network, memberId: member.id }), member };
  }
}

/**
 * What createMember needs of `npm start` (test/support/supervisor.ts): requests to its gateway, and a member's token as
 * `npm run token -- --role member --member <id>` gives it.
 */
export function supervisorGraph(supervisor: Supervisor): Pick<Stack, 'query' | 'token'> {
  return {
    query: gatewayQuery(`${supervisor.gateway}/graphql`),
    token: (claims) => supervisor.token('--role', String(claims.role), '--member', String(claims.memberId)),
  };
}

/** One member doing 3.2.3 in Eschwege for each of NIWE and LINAT, written straight into its network's database. */
export async function seedEschwegeMembers(stack: Stack, name: (network: string) => string) {
  for (const code of ['NIWE', 'LINAT']) {
    await writeMember(stack.networks.get(code)!.orm.em.fork(), {
      name: name(code),
      postalCode: '37269',
      city: 'Eschwege',
      processes: ['3.2.3'],
      certifications: [],
      services: [],
      contacts: [],
    });
  }
}
