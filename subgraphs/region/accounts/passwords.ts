import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { badInput } from '../../../shared/errors.ts';

// Passwords are hashed with scrypt (node:crypto), memory-hard so that guessing
// on a GPU or ASIC costs memory as well as time. N = 2^15, r = 8, p = 1 needs
// 128 · N · r = 32 MiB per hash and took 235 ms on this project's 2-core
// machine at a load of 9 (N = 2^14: 75 ms). OWASP's floor for scrypt is
// N = 2^17, r = 8 (128 MiB); 2^15 keeps four hashes at once (libuv's four
// worker threads, where node:crypto runs scrypt) at 128 MiB of region's memory, and
// the gateway's login limits (5 a minute per e-mail, 20 per address) bound how
// often anyone can make region do it. A 16-byte random salt per account makes
// equal passwords hash differently; the 32-byte hash is compared in constant time.

export const scryptParameters = { N: 2 ** 15, r: 8, p: 1 } as const;
const saltBytes = 16;
const keyBytes = 32;

/** The password rule, stated once: 12 to 128 characters, not the e-mail address, not one character repeated. */
export const passwordRule = { minLength: 12, maxLength: 128 } as const;

function derive(password: string, salt: Buffer, parameters: { N: number; r: number; p: number }): Promise<Buffer> {
  // Node refuses above maxmem (32 MiB by default), and 128 · N · r is exactly 32 MiB: twice that leaves room.
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const { N, r, p } = scryptParameters;
  const key = await derive(password, salt, scryptParameters);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` is the one `stored` was made from; false for a hash in another format. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// A one-time password is read out on the telephone or written down once: lower-case letters and digits without
// those mistaken for one another (0/o, 1/l/i), in four groups of four. 31^16 is 79 bits, out of reach of guessing
// behind the login limits for the week it works (accounts.ts oneTimePasswordDays).
const oneTimeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new random one-time password, such as k7mp-x3qa-92hf-tn4w: 19 characters, so it follows the password rule. */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => oneTimeAlphabet[randomInt(oneTimeAlphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

let dummy: Promise<string> | undefined;

/**
 * Does the work of checking a password against an account that does not exist, so an unknown
 * e-mail address takes as long as a wrong password and the answer's timing names no accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
  return false;
}

/** BAD_USER_INPUT at `field` unless the password follows the rule (passwordRule). */
export function checkPassword(field: string, password: string, email: string): string {
  const { minLength, maxLength } = passwordRule;
  const length = [...password].length;
  if (length < minLength || length > maxLength)
    throw badInput(
      field,
      `${field} must be ${minLength} to ${maxLength} characters long, got ${length}; a passphrase of several words is easiest to remember.`,
      length < minLength ? { reason: 'TOO_SHORT', min: minLength } : { reason: 'TOO_LONG', max: maxLength },
    );
  if (password.trim().toLowerCase() === email) throw badInput(field, `${field} must not be the e-mail address.`, { reason: 'PASSWORD_RULE' });
  if (new Set(password).size === 1) throw badInput(field, `${field} must not be one character repeated.`, { reason: 'PASSWORD_RULE' });
  if (!password.isWellFormed() || password.includes('\u0000'))
    throw badInput(field, `${field} contains a NUL character or a lone UTF-16 surrogate; send well-formed Unicode.`, { reason: 'MALFORMED_TEXT' });
  return password;
}
