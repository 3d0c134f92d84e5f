import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
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

const claims: Record<string, unknown> = { role: values.role, sub: values.sub ?? `${values.role ?? 'user'}${values.network ? `-${values.network.toLowerCase()}` : ''}` };
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
const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(values.expires).sign(new TextEncoder().encode(secret));
console.log(token);
