import { createMember as writeMember } from '../../subgraphs/network/members.ts';
import { ok, type Stack } from './stack.ts';

/** Creates a member of `network` as the admin of `adminToken`; returns its id and a token of the member. */
export async function createMember(stack: Stack, adminToken: string, network: string, input: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const data = await ok(
    stack.query(`mutation($n: NetworkCode!, $input: MemberInput!) { createMember(network: $n, input: $input) { id } }`, { n: network, input }, adminToken),
  );
  const id: string = data.createMember.id;
  return { id, token: await stack.token({ role: 'member', network, memberId: id }) };
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
