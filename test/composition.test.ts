import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import { composeSupergraph, subgraphDefinitions } from '../scripts/compose.ts';
import { supergraphPath } from '../gateway/supergraph.ts';
import { memberTypeName, networks } from '../shared/networks.ts';

describe('supergraph', () => {
  test('the committed supergraph is what composing the committed subgraph SDL gives (run npm run compose if not)', () => {
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composeSupergraph());
  });

  test('every registered network contributes its own member type implementing Member', () => {
    const supergraph = readFileSync(supergraphPath, 'utf8');
    for (const n of networks) {
      expect(supergraph).toMatch(new RegExp(`type ${memberTypeName(n.code)} implements Member`));
    }
  });

  test('a fourth network is a registry entry: the same codebase composes for it', () => {
    const fourth = {
      code: 'TESTNET',
      name: 'Test',
      focus: ['x'],
      office: { name: 'o', email: 'o@x.example', phone: '1', city: 'x' },
      port: 4009,
      hubs: ['Eschwege'],
    };
    (networks as unknown as object[]).push(fourth);
    try {
      const result = composeServices(subgraphDefinitions());
      expect(result.errors).toBeUndefined();
      expect(result.supergraphSdl).toMatch(/type TestnetMember implements Member/);
      expect(result.supergraphSdl).toMatch(/TESTNET/);
    } finally {
      (networks as unknown as object[]).pop();
    }
  });

  test('composition errors are reported, not swallowed', () => {
    const broken = subgraphDefinitions().map((s) => (s.name === 'niwe' ? { ...s, typeDefs: parse('type Query { networks: Int }') } : s));
    expect(composeServices(broken).errors?.length).toBeGreaterThan(0);
  });
});
