import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../../../shared/config.ts';

// Webhook secrets sign every delivery, so region must read them back: they
// cannot be hashed like API keys. They are kept encrypted with AES-256-GCM
// under a key that is not in the database (WEBHOOK_KEY, or DATA_DIR/webhook-key),
// so a copy of the database, or a reader of it, does not get them.

const prefix = 'v1';
const ivBytes = 12;

/** `v1:<iv>:<tag>:<ciphertext>`, base64url; 102 characters for a 32-byte secret. */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [prefix, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join(':');
}

/** The secret sealed by sealSecret; throws when the key is not the one it was sealed with. */
export function openSecret(key: Buffer, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(':');
  if (version !== prefix || !iv || !tag || ciphertext === undefined) throw new Error('The webhook secret is not sealed with a known format.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

function parseKey(text: string, source: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError(`${source} must be 32 bytes as 64 hex digits or base64 (openssl rand -hex 32).`);
  return key;
}

/**
 * Region's webhook key: WEBHOOK_KEY when set, else DATA_DIR/webhook-key (created on first start, mode 0600).
 * Losing it makes the stored secrets unreadable: their webhooks then have to be registered again.
 */
export function webhookKeyFromEnv(env: NodeJS.ProcessEnv): Buffer {
  if (env.WEBHOOK_KEY) return parseKey(env.WEBHOOK_KEY, 'WEBHOOK_KEY');
  const file = join(resolve(env.DATA_DIR || '.data'), 'webhook-key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another region process of this DATA_DIR wrote it first: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseKey(readFileSync(file, 'utf8'), file);
}
