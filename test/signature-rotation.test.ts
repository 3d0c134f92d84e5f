import { describe, expect, test } from 'vitest';
import { previousSubgraphSecret } from '../shared/config.ts';
import { createSignatureVerifier, type SignatureCheck, signRequest } from '../shared/signature.ts';

// Changing a service's secret without a gap (docs/office.md, "Changing a secret"): the service takes the new secret
// with the old one as previous, its callers then sign with the new one, and last the previous is dropped.

const [old, renewed, other] = ['o'.repeat(32), 'n'.repeat(32), 'x'.repeat(32)];
const body = Buffer.from('{"query":"{ __typename }"}');

function signed(secret: string): SignatureCheck {
  const headers = signRequest(secret, { service: 'NIWE', method: 'POST', path: '/graphql', body, identity: undefined });
  return { method: 'POST', path: '/graphql', body, headers };
}

describe("a service's secret changed", () => {
  test('with the previous secret, requests signed with either are taken, one signed with a third is not', async () => {
    const verify = createSignatureVerifier('NIWE', renewed, { previousSecret: old });
    expect(await verify(signed(renewed))).toBeNull();
    expect(await verify(signed(old))).toBeNull();
    expect(await verify(signed(other))).toBe('the signature does not match');
  });

  test('without it, only the secret itself', async () => {
    const verify = createSignatureVerifier('NIWE', renewed);
    expect(await verify(signed(old))).toBe('the signature does not match');
  });

  test('<NAME>_SUBGRAPH_SECRET_PREVIOUS is read for the service named, and refused when short', () => {
    expect(previousSubgraphSecret({ NIWE_SUBGRAPH_SECRET_PREVIOUS: old }, 'NIWE')).toBe(old);
    expect(previousSubgraphSecret({ NIWE_SUBGRAPH_SECRET_PREVIOUS: old }, 'region')).toBeUndefined();
    expect(() => previousSubgraphSecret({ REGION_SUBGRAPH_SECRET_PREVIOUS: 'kurz' }, 'region')).toThrow(
      'REGION_SUBGRAPH_SECRET_PREVIOUS must be at least 16 characters long, not 4.',
    );
  });
});
