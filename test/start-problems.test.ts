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

  test('a URL that is none and a folder that is a file are configuration; an unknown error is left whole', () => {
    expect(startProblem(Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL', input: 'garbage' }))?.configuration).toBe(true);
    expect(startProblem({ code: 'ENOTDIR', path: '/srv/irm/file/attachments' })).toMatchObject({ configuration: true });
    expect(startProblem(new Error('something else'))).toBeUndefined();
  });
});
