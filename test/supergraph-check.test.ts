import { appendFileSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { supergraphPath, supergraphProblem, validatedBefore, validatedCache, validationKey } from '../gateway/supergraph.ts';
import { supergraphSubgraphNames } from '../gateway/subgraph-source.ts';

// The gateway checks a supergraph once per text: a restart with the same file finds it validated before.

const committed = readFileSync(supergraphPath, 'utf8');
const names = new Set(supergraphSubgraphNames(committed));

describe('the supergraph check', () => {
  test('remembers a valid supergraph by its text', () => {
    // A text no run has checked before, valid as the committed one is.
    const fresh = `${committed}\n# checked at ${Date.now()}-${Math.random()}\n`;
    expect(validatedBefore(fresh)).toBe(false);
    expect(supergraphProblem(fresh, names)).toBeUndefined();
    expect(validatedBefore(fresh)).toBe(true);
    expect(supergraphProblem(fresh, names)).toBeUndefined();
  });

  test('never remembers one it refused, and refuses it every time', () => {
    const broken = `${committed}\ntype Broken${Date.now()} { field: NoSuchType }\n`;
    const problem = supergraphProblem(broken, names);
    expect(problem).toMatch(/NoSuchType/);
    expect(validatedBefore(broken)).toBe(false);
    expect(supergraphProblem(broken, names)).toBe(problem);
  });

  test('a remembered supergraph still must name only subgraphs the gateway knows', () => {
    expect(supergraphProblem(committed, names)).toBeUndefined();
    expect(validatedBefore(committed)).toBe(true);
    expect(supergraphProblem(committed, new Set(['region']))).toMatch(
      /^it names subgraphs the gateway has no URL and secret for \(konat, linat, niwe\); restart the gateway to add them$/,
    );
  });

  test('one found valid before is not built again', () => {
    // Planted: a broken text the cache says was valid is taken without a build, which is what a restart saves.
    const broken = `${committed}\ntype Planted${Date.now()} { field: NoSuchType }\n`;
    expect(supergraphProblem(broken, names)).toMatch(/NoSuchType/);
    appendFileSync(validatedCache, `${validationKey(broken)}\n`);
    expect(supergraphProblem(broken, names)).toBeUndefined();
  });
});

describe('the subgraphs a supergraph names (its join__Graph enum, cut from the text and parsed alone)', () => {
  test('are the four of the committed supergraph', () => {
    expect([...names].sort()).toEqual(['konat', 'linat', 'niwe', 'region']);
  });

  test('a value the cut cannot parse (a brace in its URL) has the whole text parsed instead', () => {
    const braced = committed.replace('url: "http://localhost:4004/graphql"', 'url: "http://localhost:4004/graphql?v={1}"');
    expect(braced).not.toBe(committed);
    expect(supergraphSubgraphNames(braced).sort()).toEqual(['konat', 'linat', 'niwe', 'region']);
  });

  test('a text that is no GraphQL is refused as before', () => {
    expect(() => supergraphSubgraphNames('enum join__Graph { NIWE @join__graph(name: "niwe" }')).toThrow(/Syntax Error/);
  });
});
