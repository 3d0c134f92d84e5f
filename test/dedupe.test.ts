import { expect, test } from 'vitest';
import { deduplicating } from '../gateway/dedupe.ts';

function controlledFetch() {
  const calls: string[] = [];
  const release: (() => void)[] = [];
  const fetcher = (url: string, init: { body?: string }) => {
    calls.push(`${url} ${init.body}`);
    return new Promise<Response>((resolve) => release.push(() => resolve(new Response(`answer ${calls.length}`, { status: 200 }))));
  };
  return { calls, release: () => release.splice(0).forEach((r) => r()), fetcher };
}

const read = JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [] } });
const write = JSON.stringify({ query: 'mutation { archiveMember(id: "NIWE:m-1") { id } }' });

test('identical reads in flight share one subgraph request and each get the whole answer', async () => {
  const { calls, release, fetcher } = controlledFetch();
  const fetchOnce = deduplicating(fetcher);
  const init = { method: 'POST', headers: { 'x-irm-identity': 'a' }, body: read };
  const answers = [fetchOnce('http://niwe/graphql', init), fetchOnce('http://niwe/graphql', init), fetchOnce('http://niwe/graphql', init)];
  release();
  expect(await Promise.all((await Promise.all(answers)).map((r) => r.text()))).toEqual(['answer 1', 'answer 1', 'answer 1']);
  expect(calls).toHaveLength(1);
  expect(fetchOnce.shared()).toBe(2);
  // Once settled, the next read goes out again.
  const later = fetchOnce('http://niwe/graphql', init);
  release();
  expect(await (await later).text()).toBe('answer 2');
});

test('writes, other identities and other bodies are never shared', async () => {
  const { calls, release, fetcher } = controlledFetch();
  const fetchOnce = deduplicating(fetcher);
  const pending = [
    fetchOnce('http://niwe/graphql', { headers: { 'x-irm-identity': 'a' }, body: write }),
    fetchOnce('http://niwe/graphql', { headers: { 'x-irm-identity': 'a' }, body: write }),
    fetchOnce('http://niwe/graphql', { headers: { 'x-irm-identity': 'a' }, body: read }),
    fetchOnce('http://niwe/graphql', { headers: { 'x-irm-identity': 'b' }, body: read }),
    fetchOnce('http://linat/graphql', { headers: { 'x-irm-identity': 'a' }, body: read }),
  ];
  release();
  await Promise.all(pending);
  expect(calls).toHaveLength(5);
});
