import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeJwt, SignJWT } from 'jose';
import { tokenClaimsProblem, tokenMaxLifetimeS } from '../gateway/auth.ts';
import { partnerTokenSeconds } from '../gateway/token-exchange.ts';
import { envReader } from '../shared/config.ts';
import { parseIdentity, roles } from '../shared/identity.ts';
import { jwtSecretFile } from './local.ts';

// npm run token -- --role office --network NIWE
// Prints a bearer token signed with the local key (JWT_SECRET, or DATA_DIR/jwt-secret written by npm start).

// Anonymous needs no token: a request without one is anonymous.
const tokenRoles = roles.filter((r) => r !== 'anonymous');
const usage = `Usage: npm run token -- --role <${tokenRoles.join('|')}> [--network CODE] [--member ID] [--sub NAME] [--expires 12h]`;

/** Why `npm run token` gives no token: the message, with the usage line when the arguments were at fault. */
export class TokenRequestError extends Error {}

/**
 * The token `npm run token -- <args>` prints, under `env` (its DATA_DIR, JWT_SECRET and JWT_MAX_LIFETIME_S).
 * The tests of `npm start` call it in their own process: the command's process took 0.5-1 s of CPU a token.
 */
export async function localToken(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const refuse = (message: string) => new TokenRequestError(`${message}\n${usage}`);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        role: { type: 'string' },
        network: { type: 'string' },
        member: { type: 'string' },
        sub: { type: 'string' },
        expires: { type: 'string', default: '12h' },
      },
    }));
  } catch (error) {
    throw refuse((error as Error).message);
  }

  if (!(tokenRoles as string[]).includes(values.role ?? ''))
    throw refuse(values.role === undefined ? '--role is required.' : `--role must be one of ${tokenRoles.join(', ')}, not ${values.role}.`);
  const claims: Record<string, unknown> = {
    role: values.role,
    sub: values.sub ?? `${values.role ?? 'user'}${values.network ? `-${values.network.toLowerCase()}` : ''}`,
  };
  if (values.network) claims.network = values.network.toUpperCase();
  if (values.member) {
    claims.memberId = values.member;
    claims.network ??= values.member.split(':')[0];
  }
  try {
    parseIdentity(claims);
  } catch (error) {
    throw refuse((error as Error).message);
  }

  const file = jwtSecretFile(env);
  const secret = env.JWT_SECRET || (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
  // Not a usage error: the arguments were fine.
  if (!secret) throw new TokenRequestError(`No signing key: run npm start once (it writes ${file}) or set JWT_SECRET.`);
  let token: string;
  try {
    token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(values.expires)
      .sign(new TextEncoder().encode(secret));
  } catch (error) {
    throw refuse(`--expires ${values.expires}: ${(error as Error).message}; give a duration such as 30m, 12h or 1d.`);
  }
  // The gateway refuses tokens that live longer than JWT_MAX_LIFETIME_S; say so now rather than at the first request.
  const maxLifetimeS = envReader(env).integer('JWT_MAX_LIFETIME_S', tokenMaxLifetimeS, partnerTokenSeconds);
  const problem = tokenClaimsProblem(decodeJwt(token), Math.floor(Date.now() / 1000), maxLifetimeS);
  if (problem) throw refuse(`--expires ${values.expires}: ${problem}`);
  return token;
}

if (import.meta.main) {
  // Asked for help: the usage line alone, and no error ("Unknown option '--help'" stood before it).
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    console.log(await localToken(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof TokenRequestError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
