import { randomUUID } from 'node:crypto';
import { createMember as writeMember } from '../../subgraphs/network/members.ts';
import { ok, type Stack } from './stack.ts';

/**
 * Creates a member of `network` as the admin of `adminToken`, as a careful client does: with an idempotency key, asking
 * again with it while the network's answer is UNKNOWN (a network that did not confirm within region's budget, which a
 * busy machine meets: test/search-counts.e2e.ts's set-up failed so in a CI run beside three other test runs). Returns
 * its id and a token of the member.
 */
export async function createMember(stack: Stack, adminToken: string, network: string, input: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const key = `test-${randomUUID()}`;
  const mutation = `mutation($n: NetworkCode!, $input: MemberInput!, $key: String) { createMember(network: $n, input: $input, idempotencyKey: $key) { id } }`;
  for (let attempt = 1; ; attempt++) {
    const res = await stack.query<{ createMember: { id: string } }>(mutation, { n: network, input, key }, adminToken);
    const unknown = res.errors?.length === 1 && res.errors[0].extensions?.writeOutcome === 'UNKNOWN';
    if (unknown && attempt < 5) continue;
    const data = await ok(res);
    const id = data.createMember.id;
    return { id, token: await stack.token({ role: 'member', network, memberId: id }) };
  }
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
