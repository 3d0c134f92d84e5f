import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMember } from './support/members.ts';
import { ok, startStack, type Stack } from './support/stack.ts';

// The write examples of README and the guides are pasted as they stand. A date written into one expires: the
// capacity window, the trade fair and the working-group meeting of 2027 were refused as IN_THE_PAST once their day
// had gone. Their dates are variables computed from today with GNU date, given after the example as
// e.g. `{"name": "'$(date …)'"}`, the form a curl call's single-quoted body takes; here each runs so.

const files = ['README.md', ...readdirSync(new URL('../docs/', import.meta.url)).flatMap((f) => (f.endsWith('.md') ? [`docs/${f}`] : []))];
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

interface Example {
  file: string;
  /** The GraphQL block the variables follow. */
  operation: string;
  /** The variables as the shell writes them. */
  variables: Record<string, string>;
}

function examples(): Example[] {
  return files.flatMap((file) => {
    const text = read(file);
    return [...text.matchAll(/e\.g\.\s+`(\{"[^`]*\$\(date [^`]*\})`/g)].map((m) => {
      const before = text.slice(0, m.index);
      const operation = before.slice(before.lastIndexOf('```graphql\n') + '```graphql\n'.length, before.lastIndexOf('```'));
      // As inside curl's -d '…': the quotes around each $(date …) close and reopen the single-quoted body.
      const variables = JSON.parse(execFileSync('bash', ['-c', `printf '%s' '${m[1]}'`], { encoding: 'utf8' }));
      return { file, operation, variables };
    });
  });
}

let stack: Stack;
const tokens: Record<string, string> = {};
/** The placeholders of the examples, and what stands for them here. */
const placeholders: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  tokens.admin = await stack.token({ role: 'admin' });
  tokens.partner = await stack.token({ role: 'partner', sub: 'Autozulieferer Muster GmbH' });
  tokens.office = await stack.token({ role: 'office', network: 'NIWE' });
  tokens.member = (await createMember(stack, tokens.admin, 'NIWE', { name: 'Fräswerk Nord GmbH', postalCode: '37269', city: 'Eschwege' })).token;
  placeholders['LINAT:m-7'] = (await createMember(stack, tokens.admin, 'LINAT', { name: 'Härterei Süd GmbH', postalCode: '37269', city: 'Eschwege' })).id;
  placeholders['wg-…'] = (await ok(stack.query(`{ workingGroups(first: 1) { nodes { id } } }`, {}, tokens.admin))).workingGroups.nodes[0].id;
});
afterAll(async () => {
  await stack?.stop();
});

/** Who sends an example: the role its first field is for. */
const senders: Record<string, string> = {
  createInquiry: 'partner',
  postCapacity: 'member',
  publishNews: 'office',
  createTradeFair: 'office',
  inviteToWorkingGroup: 'admin',
};

test('no write example of README or the guides holds a fixed date', () => {
  for (const file of files) {
    for (const [, block] of read(file).matchAll(/```graphql\n([\s\S]*?)```/g)) {
      if (!/^\s*mutation\b/.test(block)) continue;
      expect(block.match(/"\d{4}-\d{2}-\d{2}[^"]*"/g) ?? [], `${file}: ${block.trim().split('\n')[1]}`).toEqual([]);
    }
  }
});

test('the write examples with dates run as they stand, with the dates their variables compute from today', async () => {
  const found = examples();
  const fields = found.map((e) => /^\s*mutation[^{]*\{\s*(\w+)/.exec(e.operation)?.[1]).sort();
  expect(fields, 'an example with computed dates: name who sends it in senders').toEqual(Object.keys(senders).sort());
  for (const { file, operation, variables } of found) {
    const field = /^\s*mutation[^{]*\{\s*(\w+)/.exec(operation)![1];
    const query = Object.entries(placeholders).reduce((q, [placeholder, value]) => q.replaceAll(`"${placeholder}"`, `"${value}"`), operation);
    const res = await stack.query(query, variables, tokens[senders[field]]);
    expect(res.errors, `${file}, ${field} with ${JSON.stringify(variables)}`).toBeUndefined();
  }
});
