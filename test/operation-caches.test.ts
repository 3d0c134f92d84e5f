import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { parse } from 'graphql';
import { expect, test } from 'vitest';
import { documentStore, SecondSightingCache } from '../shared/operation-caches.ts';

test('an entry is stored the second time its key is set, not the first', async () => {
  const cache = new SecondSightingCache(new InMemoryLRUCache<string>({ maxSize: 1000 }));
  await cache.set('a', 'plan of a');
  expect(await cache.get('a')).toBeUndefined();
  await cache.set('a', 'plan of a');
  expect(await cache.get('a')).toBe('plan of a');
  expect(cache.keys()).toEqual(['a']);
});

test('a flood of operations seen once does not evict the ones in use', async () => {
  // Room for two entries of 10 characters.
  const cache = new SecondSightingCache(new InMemoryLRUCache<string>({ maxSize: 20 }));
  for (const key of ['a', 'a', 'b', 'b']) await cache.set(key, `plan of ${key}.`);
  for (let i = 0; i < 1000; i++) await cache.set(`one-off ${i}`, 'plan....');
  expect(await cache.get('a')).toBe('plan of a.');
  expect(await cache.get('b')).toBe('plan of b.');
  // Without the second sighting the flood would have pushed both out.
  const plain = new InMemoryLRUCache<string>({ maxSize: 20 });
  for (const key of ['a', 'b']) await plain.set(key, `plan of ${key}.`);
  for (let i = 0; i < 3; i++) await plain.set(`one-off ${i}`, 'plan....');
  expect(await plain.get('a')).toBeUndefined();
});

test('it remembers a bounded number of keys, the most recent ones', async () => {
  const cache = new SecondSightingCache(new InMemoryLRUCache<string>({ maxSize: 1000 }), 3);
  await cache.set('a', 'x');
  for (const key of ['b', 'c', 'd']) await cache.set(key, 'x');
  // 'a' was forgotten when 'd' came: this is its first sighting again.
  await cache.set('a', 'x');
  expect(await cache.get('a')).toBeUndefined();
  await cache.set('d', 'x');
  expect(await cache.get('d')).toBe('x');
});

test('clear forgets stored and seen keys alike (the gateway clears plans when the supergraph changes)', async () => {
  const cache = new SecondSightingCache(new InMemoryLRUCache<string>({ maxSize: 1000 }));
  for (const key of ['a', 'a', 'b']) await cache.set(key, 'x');
  cache.clear();
  await cache.set('b', 'x');
  expect(cache.keys()).toEqual([]);
});

test('a document store of 1 MB on the heap holds about as many documents as their JSON allows', async () => {
  const store = documentStore(1);
  const documents = Array.from({ length: 2000 }, (_, n) => parse(`query Q${n} { m${n}: members(first: 10) { edges { node { id name city } } } }`));
  for (const [n, document] of documents.entries()) {
    await store.set(`q${n}`, document);
    await store.set(`q${n}`, document);
  }
  const jsonPerDocument = JSON.stringify(documents[0]).length;
  // 1 MiB at 4.2 heap bytes per JSON byte: the newest documents stay, the oldest are gone.
  const expected = Math.floor(2 ** 20 / 4.2 / jsonPerDocument);
  expect(store.keys().length).toBeGreaterThanOrEqual(expected - 5);
  expect(store.keys().length).toBeLessThanOrEqual(expected + 5);
  expect(await store.get('q1999')).toBeDefined();
  expect(await store.get('q0')).toBeUndefined();
});
