import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeJwt, SignJWT } from 'jose';
import { tokenClaimsProblem, tokenMaxLifetimeS } from '../gateway/auth.ts';
import { partnerTokenSeconds } from '../gateway/token-exchange.ts';
import { envInteger } from '../shared/config.ts';
import { parseIdentity, roles } from '../shared/identity.ts';
import { jwtSecretFile } from './local.ts';

// npm run token -- --role office --network NIWE
// Prints a bearer token signed with the local key (JWT_SECRET, or DATA_DIR/jwt-secret written by npm start).

const usage = `Usage: npm run token -- --role <${roles.filter((r) => r !== 'anonymous').join('|')}> [--network CODE] [--member ID] [--sub NAME] [--expires 12h]`;
let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      network: { type: 'string' },
      member: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(1);
}

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
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(1);
}

const file = jwtSecretFile();
const secret = process.env.JWT_SECRET || (existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined);
if (!secret) {
  console.error(`No signing key: run npm start once (it writes ${file}) or set JWT_SECRET.`);
  process.exit(1);
}
let token: string;
try {
  token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(values.expires).sign(new TextEncoder().encode(secret));
} catch (error) {
  console.error(`--expires ${values.expires}: ${(error as Error).message}; give a duration such as 30m, 12h or 1d.\n${usage}`);
  process.exit(1);
}
// The gateway refuses tokens that live longer than JWT_MAX_LIFETIME_S; say so now rather than at the first request.
const maxLifetimeS = envInteger('JWT_MAX_LIFETIME_S', tokenMaxLifetimeS, partnerTokenSeconds);
const problem = tokenClaimsProblem(decodeJwt(token), Math.floor(Date.now() / 1000), maxLifetimeS);
if (problem) {
  console.error(`--expires ${values.expires}: ${problem}\n${usage}`);
  process.exit(1);
}
console.log(token);
