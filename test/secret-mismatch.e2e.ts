import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.ts';

// A network whose secret differs from the one region and the gateway sign its requests with, as when an office
// changed NIWE_SUBGRAPH_SECRET at its own service only: the network refuses every request (401, shared/http.ts).
// That is the operators' to mend and nothing ran there, so the client reads the network as unavailable (a write as
// not applied), and region's and the gateway's logs say which setting to check. It read UNAUTHENTICATED, as if the
// client had to sign in, and INTERNAL_SERVER_ERROR with a stack in the gateway's log (the operator's probe).

let stack: Stack;
let admin: string;
const lines: { service: string; level: string; msg: string; err?: unknown }[] = [];
const logDestination = {
  write(chunk: string) {
    for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line));
  },
};

beforeAll(async () => {
  stack = await startStack({ ownSecrets: { NIWE: 'n'.repeat(64) }, logDestination });
  admin = await stack.token({ role: 'admin' });
});
afterAll(() => stack?.stop());

function expectNiweUnavailable(res: GraphQLResponse, path: (string | number)[]) {
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  expect(res.errors![0]).toMatchObject({ path, extensions: { code: 'NETWORK_UNAVAILABLE', network: 'NIWE' } });
}

const refusal = (caller: string) =>
  `NIWE refuses ${caller}'s signature (the signature does not match): give NIWE_SUBGRAPH_SECRET one value where NIWE runs and where its callers do (region and the gateways), and check that their clocks agree.`;

test("region's calls: NIWE is unavailable to the client, its part missing, and region's log names the setting", async () => {
  const res = await stack.query(`{ networks { code memberCount } }`, {}, admin);
  expectNiweUnavailable(res, ['networks', 0, 'memberCount']);
  expect(res.data.networks.slice(1).every((n: { memberCount: number | null }) => n.memberCount !== null)).toBe(true);
  // A write region sends: refused before anything ran, so not applied.
  const write = await stack.query(
    `mutation { createMember(network: NIWE, input: { name: "Geheim GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`,
    {},
    admin,
  );
  expect(write.errors?.[0].extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'NIWE', writeOutcome: 'NOT_APPLIED' });
  expect(lines.filter((line) => line.service === 'region' && line.level === 'error').map((line) => line.msg)).toContain(refusal('region'));
});

test("the gateway's own fetches: NIWE is unavailable to the client, and the gateway's log names the setting without a stack", async () => {
  // Changed at the gateway only: region reaches NIWE, the gateway's fetch of a member's name does not.
  const other = await startStack({ gatewaySecrets: { NIWE: 'g'.repeat(64) }, logDestination });
  try {
    const token = await other.token({ role: 'admin' });
    // Written through region, which signs NIWE's requests with NIWE's own secret.
    const { id } = await createMember(other, token, 'NIWE', { name: 'Geheim GmbH', postalCode: '37269', city: 'Eschwege' });
    // A page of members comes with its names from region; one member by id is the gateway's fetch at NIWE.
    expect((await other.query(`{ members(first: 3, filter: { networks: [NIWE] }) { edges { node { id name } } } }`, {}, token)).errors).toBeUndefined();
    const res = await other.query(`query($id: ID!) { member(id: $id) { id name } }`, { id }, token);
    expect(res.errors, JSON.stringify(res)).toBeDefined();
    for (const error of res.errors!) expect(error.extensions).toMatchObject({ code: 'NETWORK_UNAVAILABLE', network: 'NIWE' });
    // Not "could not be reached", which sent the operator looking for a network that was up (the operations probe).
    expect(res.errors!.map((error) => error.message)).toContain("Network NIWE refused the gateway's call: a fault in our set-up, not in the request.");
    const gateway = lines.filter((line) => line.service === 'gateway' && line.level === 'error');
    expect(gateway.map((line) => line.msg)).toContain(refusal('the gateway'));
    expect(gateway.filter((line) => line.err !== undefined)).toEqual([]);
    expect(JSON.stringify(res)).not.toMatch(/UNAUTHENTICATED|INTERNAL_SERVER_ERROR/);
  } finally {
    await other.stop();
  }
});

test("a secret changed at the network first, with the callers' as its previous: nothing is refused (docs/office.md)", async () => {
  const changing = await startStack({ ownSecrets: { NIWE: 'n'.repeat(64) }, previousSecrets: true });
  try {
    const token = await changing.token({ role: 'admin' });
    const made = await changing.query(
      `mutation { createMember(network: NIWE, input: { name: "Wechsel GmbH", postalCode: "37269", city: "Eschwege" }) { id } }`,
      {},
      token,
    );
    expect(made.errors).toBeUndefined();
    const res = await changing.query(`{ members(filter: { networks: [NIWE] }) { edges { node { name } } } }`, {}, token);
    expect(res).toMatchObject({ data: { members: { edges: [{ node: { name: 'Wechsel GmbH' } }] } } });
    expect(res.errors).toBeUndefined();
  } finally {
    await changing.stop();
  }
});

test('a gateway whose region refuses its signature says so at /ready, until region takes it again', async () => {
  // Region's own /ready said ok, and so did the gateway's, while every request failed: a balancer kept it in.
  const other = await startStack({ gatewaySecrets: { region: 'g'.repeat(64) }, logDestination });
  const ready = async () => {
    const response = await fetch(other.gatewayUrl.replace(/\/graphql$/, '/ready'));
    return { status: response.status, body: await response.json() };
  };
  try {
    const res = await other.query('{ networks { code } }');
    expect(res.errors?.[0]).toMatchObject({
      message: "Service region refused the gateway's call: a fault in our set-up, not in the request.",
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'region' },
    });
    expect(await ready()).toEqual({ status: 503, body: { status: "region refuses the gateway's signature" } });
  } finally {
    await other.stop();
  }
});
