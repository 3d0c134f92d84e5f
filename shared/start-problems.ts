// Kept apart from shared/main.ts, which loads the HTTP stack: npm start reads its own failures with it too.

/**
 * What an operator can fix, in one line, from the failures a start meets most: a port another program holds, an
 * address this machine does not have, a database that refuses the service's role or does not exist (each exit 78:
 * started again, it fails again), a database that does not answer (exit 1: it may be starting). They ended in a log
 * line with the error's stack, and a port in use had npm start restart the service every few seconds for ever.
 */
export function startProblem(error: unknown): { line: string; configuration: boolean } | undefined {
  const e = error as { code?: string; syscall?: string; address?: string; port?: number; hostname?: string; message?: string; input?: string; path?: string };
  if (e.code === 'ERR_INVALID_URL')
    return { line: `"${String(e.input).slice(0, 100)}" is no URL: check DATABASE_URL and the other URLs it is given.`, configuration: true };
  // A folder it must make or read is a file (DATA_DIR, ATTACHMENTS_DIR pointing at one).
  if ((e.code === 'EEXIST' || e.code === 'ENOTDIR') && e.path !== undefined)
    return {
      line: `${e.path} cannot be a folder here (${e.code === 'EEXIST' ? 'a file of that name is there' : 'a part of it is a file'}): check DATA_DIR.`,
      configuration: true,
    };
  if (e.syscall === 'listen' && e.code === 'EADDRINUSE')
    return { line: `port ${e.port} (${e.address}) is in use by another program: stop that program, or give this service another port.`, configuration: true };
  if (e.syscall === 'listen' && (e.code === 'EADDRNOTAVAIL' || e.code === 'EACCES'))
    return {
      line: `cannot listen on ${e.address} port ${e.port} (${e.code === 'EACCES' ? 'not allowed for this user' : 'no such address on this machine'}): check HOST and PORT.`,
      configuration: true,
    };
  // ENOTFOUND: no such name. EAI_AGAIN, a name server that did not answer (at boot, say), is worth another start.
  if (e.syscall === 'getaddrinfo' && e.code === 'ENOTFOUND')
    return { line: `cannot find the address of ${e.hostname}: check the host names it is given (HOST, DATABASE_URL).`, configuration: true };
  // PostgreSQL's refusals by SQLSTATE: 28P01 a wrong password, 28000 a role not allowed in, 3D000 no such database.
  if (e.code === '28P01' || e.code === '28000' || e.code === '3D000')
    return { line: `its database refused it: ${e.message}. Check DATABASE_URL (role, password, database name).`, configuration: true };
  // 42501 insufficient_privilege: the migrations' extensions, which a database owner may not all create (earthdistance).
  if (e.code === '42501' && /create extension/.test(e.message ?? ''))
    return {
      line: `its database lacks an extension only a superuser may create (${e.message?.split('\n')[0]}): as PostgreSQL's superuser, in this service's database, run create extension cube; create extension earthdistance; create extension pg_trgm; (docs/office.md, "Database").`,
      configuration: true,
    };
  if (e.code === 'ECONNREFUSED') {
    const at = e.port === undefined ? '' : ` at ${e.address}:${e.port}`;
    return { line: `its database${at} does not answer (connection refused): is PostgreSQL running there? Check DATABASE_URL.`, configuration: false };
  }
  return undefined;
}
