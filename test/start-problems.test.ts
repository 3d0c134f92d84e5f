import { describe, expect, test } from 'vitest';
import { startProblem } from '../shared/start-problems.ts';

// Which failures of a start are the operator's to fix (exit 78: neither npm start nor systemd starts it again) and
// which may pass by themselves (exit 1, started again); test/service-start.e2e.ts meets the common ones for real.
describe('a failed start, read', () => {
  test('a name no name server knows is configuration; one that did not answer in time may pass', () => {
    expect(startProblem({ syscall: 'getaddrinfo', code: 'ENOTFOUND', hostname: 'db.example' })).toEqual({
      line: 'cannot find the address of db.example: check the host names it is given (HOST, DATABASE_URL).',
      configuration: true,
    });
    expect(startProblem({ syscall: 'getaddrinfo', code: 'EAI_AGAIN', hostname: 'db.example' })).toBeUndefined();
  });

  test('an extension only a superuser may create is configuration, naming what to run (it was a crash loop: exit 1, a stack)', () => {
    const refused = { code: '42501', message: 'permission denied to create extension "earthdistance"\n - hint: Must be superuser to create this extension.' };
    expect(startProblem(refused)).toEqual({
      line: 'its database lacks an extension only a superuser may create (permission denied to create extension "earthdistance"): as PostgreSQL\'s superuser, in this service\'s database, run create extension cube; create extension earthdistance; create extension pg_trgm; (docs/office.md, "Database").',
      configuration: true,
    });
    expect(startProblem({ code: '42501', message: 'permission denied for table member' })).toBeUndefined();
  });

  test('a URL that is none and a folder that is a file are configuration; an unknown error is left whole', () => {
    expect(startProblem(Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL', input: 'garbage' }))?.configuration).toBe(true);
    expect(startProblem({ code: 'ENOTDIR', path: '/srv/irm/file/attachments' })).toMatchObject({ configuration: true });
    expect(startProblem(new Error('something else'))).toBeUndefined();
  });
});
