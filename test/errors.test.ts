import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCodes, errorStatus, httpError, isApolloRequestErrorCode, isClientErrorCode, rateLimited } from '../shared/errors.ts';
import { sendError } from '../shared/http.ts';

describe('the error table', () => {
  test('every code has an HTTP status and a description', () => {
    for (const [code, row] of Object.entries(errorCodes)) {
      expect(row.status, code).toBeGreaterThanOrEqual(200);
      expect(row.status, code).toBeLessThan(600);
      expect(row.description.length, code).toBeGreaterThan(20);
    }
  });

  test("Apollo's request codes are its enum's, so a code Apollo adds shows up here", () => {
    const apollo = Object.keys(errorCodes).filter(isApolloRequestErrorCode).sort();
    const expected = Object.values(ApolloServerErrorCode).filter(
      (c) => c !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR && c !== ApolloServerErrorCode.BAD_USER_INPUT,
    );
    expect(apollo).toEqual(expected.sort());
  });

  test('README\'s "Errors" section and the partner guide name every code of the table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 1));
    const guide = readFileSync(new URL('../docs/partners.md', import.meta.url), 'utf8');
    expect(Object.keys(errorCodes).filter((code) => !section.includes(`\`${code}\``))).toEqual([]);
    expect(Object.keys(errorCodes).filter((code) => !guide.includes(`\`${code}\``))).toEqual([]);
  });

  test('client codes are ours without INTERNAL_SERVER_ERROR; anything else counts as an internal failure', () => {
    expect(isClientErrorCode('NOT_FOUND')).toBe(true);
    expect(isClientErrorCode('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(isClientErrorCode(ApolloServerErrorCode.BAD_REQUEST)).toBe(false);
    expect(errorStatus('CONFLICT')).toBe(409);
    expect(errorStatus('SOMETHING_ELSE')).toBe(500);
    expect(errorStatus(undefined)).toBe(500);
  });

  test("httpError takes its status from the code's row unless a route gives a more precise one", () => {
    expect(httpError('FORBIDDEN', 'no').extensions).toEqual({ code: 'FORBIDDEN', http: { status: 403 } });
    expect(httpError('BAD_USER_INPUT', 'big', { status: 413, extensions: { field: 'body' } }).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'body',
      http: { status: 413 },
    });
  });
});

describe('sendError, the one writer of a plain route error', () => {
  let server: Server;
  let url: string;
  let next: { error: GraphQLError; status?: number };

  beforeAll(async () => {
    server = createServer((_req, res) => sendError(res, next.error, { status: next.status }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const answer = async (error: GraphQLError, status?: number) => {
    next = { error, status };
    const res = await fetch(url);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  };

  test("an error without extensions.http gets its code's status, and the body keeps the code and the other extensions", async () => {
    expect(await answer(new GraphQLError('gone', { extensions: { code: 'NOT_FOUND', id: 'x' } }))).toEqual({
      status: 404,
      retryAfter: null,
      body: { errors: [{ message: 'gone', extensions: { code: 'NOT_FOUND', id: 'x' } }] },
    });
  });

  test('extensions.http gives status and headers; the option overrides the status', async () => {
    expect(await answer(rateLimited('slow down', 7))).toMatchObject({
      status: 429,
      retryAfter: '7',
      body: { errors: [{ extensions: { code: 'RATE_LIMITED', retryAfter: 7 } }] },
    });
    expect((await answer(httpError('INTERNAL_SERVER_ERROR', 'Internal server error'), 502)).status).toBe(502);
  });

  test('a code outside the table is answered 500', async () => {
    expect((await answer(new GraphQLError('odd', { extensions: { code: 'ODD' } }))).status).toBe(500);
  });
});
