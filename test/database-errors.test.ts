import { GraphQLError } from 'graphql';
import { expect, test } from 'vitest';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { isDatabaseUnavailable } from '../shared/database-errors.ts';

// Which failures mean "the network's database is gone" (NETWORK_UNAVAILABLE) and which stay what they are.

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });

test('a lost, refused or shutting-down database, however wrapped', () => {
  for (const error of [
    pgError('57P01', 'terminating connection due to administrator command'),
    pgError('57P03', 'the database system is starting up'),
    pgError('08006', 'connection failure'),
    pgError('53300', 'too many connections'),
    pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    new Error('Connection terminated unexpectedly'),
    pgError('55000', 'database "irm_niwe" is not currently accepting connections'),
  ]) {
    expect(isDatabaseUnavailable(error), error.message).toBe(true);
    expect(isDatabaseUnavailable(new GraphQLError('wrapped', { originalError: new DriverException(error) })), error.message).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: error })), error.message).toBe(true);
  }
});

test('errors of the request or the code are not outages', () => {
  expect(isDatabaseUnavailable(new UniqueConstraintViolationException(pgError('23505', 'duplicate key')))).toBe(false);
  expect(isDatabaseUnavailable(pgError('55000', 'currval of sequence is not yet defined'))).toBe(false);
  expect(isDatabaseUnavailable(pgError('42601', 'syntax error'))).toBe(false);
  expect(isDatabaseUnavailable(new GraphQLError('Member NIWE:m-9 does not exist.', { extensions: { code: 'NOT_FOUND' } }))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
});
