import { describe, expect, test } from 'vitest';
import { checkPassword, hashPassword, passwordRule, scryptParameters, verifyAgainstDummy, verifyPassword } from '../subgraphs/region/accounts/passwords.ts';

// Portal passwords: scrypt with the parameters stored beside a per-account salt, and the password rule.

describe('hashing', () => {
  test('a hash names its parameters, has its own salt, and verifies only its password', async () => {
    const [first, second] = await Promise.all([hashPassword('Werra-Meissner-2026'), hashPassword('Werra-Meissner-2026')]);
    expect(first).toMatch(new RegExp(`^scrypt\\$${scryptParameters.N}\\$8\\$1\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
    expect(first).not.toBe(second);
    expect(await verifyPassword('Werra-Meissner-2026', first)).toBe(true);
    expect(await verifyPassword('Werra-Meissner-2027', first)).toBe(false);
    expect(await verifyPassword('Werra-Meissner-2026', 'md5$abc')).toBe(false);
  });

  test('a hash made with other parameters still verifies by its own', async () => {
    const stored = await hashPassword('Eschwege-an-der-Werra');
    const [, , , , salt] = stored.split('$');
    const { scryptSync } = await import('node:crypto');
    const older = `scrypt$16384$8$1$${salt}$${scryptSync('Eschwege-an-der-Werra', Buffer.from(salt, 'base64url'), 32, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
    expect(await verifyPassword('Eschwege-an-der-Werra', older)).toBe(true);
  });

  test('an unknown account is answered false after the same kind of work', async () => {
    expect(await verifyAgainstDummy('Werra-Meissner-2026')).toBe(false);
  });
});

describe('the password rule', () => {
  const field = (password: string, email = 'anna@example.de') => {
    try {
      checkPassword('input.password', password, email);
      return undefined;
    } catch (error) {
      return (error as { extensions: { code: string; field: string } }).extensions;
    }
  };

  test(`${passwordRule.minLength} to ${passwordRule.maxLength} characters, not the e-mail address, not one character repeated`, () => {
    expect(field('Eschwege2026')).toBeUndefined();
    expect(field('kurz')).toEqual({ code: 'BAD_USER_INPUT', field: 'input.password', reason: 'TOO_SHORT', min: passwordRule.minLength });
    expect(field('x'.repeat(passwordRule.maxLength + 1))).toMatchObject({ field: 'input.password', reason: 'TOO_LONG', max: passwordRule.maxLength });
    expect(field(' Anna@Example.de ')).toMatchObject({ field: 'input.password', reason: 'PASSWORD_RULE' });
    expect(field('zzzzzzzzzzzzzzzz')).toMatchObject({ field: 'input.password', reason: 'PASSWORD_RULE' });
    // Characters, not UTF-16 units: twelve umlauts and emoji are twelve characters.
    expect(field('äöüßäöüß😀😀😀😀')).toBeUndefined();
  });
});
