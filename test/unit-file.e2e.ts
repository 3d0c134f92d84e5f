import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { gatewayEnvironment, gatewayNodeFlags } from '../gateway/runtime.ts';

// deploy/'s units (a network's, region's and the gateway's) as systemd reads them, without a running systemd: `systemd-analyze verify` (the
// unit's syntax, its directives and that ExecStart is an executable) and `systemd-analyze security --offline`
// (its sandbox). Debian's systemd package has systemd-analyze (.ci/run installs it).

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'irm-unit-'));
// The unit names the installed checkout (/opt/irm); here it is this one, so that ExecStart's node exists.
const units = ['irm-network@.service', 'irm-region.service', 'irm-gateway.service'];
for (const name of units) writeFileSync(join(dir, name), readFileSync(join(root, 'deploy', name), 'utf8').replaceAll('/opt/irm', root.replace(/\/$/, '')));
symlinkSync(join(dir, 'irm-network@.service'), join(dir, 'irm-network@NIWE.service'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** systemd-analyze's exit code and everything it printed. */
async function analyze(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run('systemd-analyze', args, { cwd: dir }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number | string; stdout?: string; stderr?: string }) => {
      if (error.code === 'ENOENT') throw new Error('systemd-analyze is missing: apt-get install -y systemd (.ci/run does).');
      return { code: Number(error.code), stdout: error.stdout ?? '', stderr: error.stderr ?? '' };
    },
  );
}

// What the sandbox still allows, each needed (the unit's comment says why): a rating of 1.1 ("OK"; the scale
// runs from 0, everything locked, to 10). A setting loosened or dropped adds to it and fails the threshold.
const allowed = [
  'RootDirectory=/RootImage=',
  'MemoryDenyWriteExecute=',
  'RestrictAddressFamilies=~AF_UNIX',
  'RestrictAddressFamilies=~AF_(INET|INET6)',
  'ProcSubset=',
  'PrivateNetwork=',
  'DeviceAllow=',
  'IPAddressDeny=',
];
const threshold = 1.1;

describe.each(units)('deploy/%s', (name) => {
  test("systemd-analyze verify finds nothing in it (nor in an instance of the networks' template)", async () => {
    for (const file of name === 'irm-network@.service' ? [name, 'irm-network@NIWE.service'] : [name]) {
      expect(await analyze('verify', `./${file}`)).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });

  test(`systemd-analyze security rates its sandbox at most ${threshold}, and what it leaves open is the list above`, async () => {
    const rated = await analyze('security', '--offline=true', `--threshold=${threshold * 10}`, `./${name}`);
    const exposure = Number(/Overall exposure level for .*: (\d+\.\d+)/.exec(rated.stdout)?.[1]);
    expect(rated.code, rated.stdout).toBe(0);
    expect(exposure).toBeGreaterThan(0);
    expect(exposure).toBeLessThanOrEqual(threshold);
    const checks = JSON.parse((await analyze('security', '--offline=true', '--json=short', `./${name}`)).stdout) as {
      name: string;
      set: boolean;
      exposure: number | null;
    }[];
    expect(checks.filter((check) => !check.set && (check.exposure ?? 0) > 0).map((check) => check.name)).toEqual(expect.arrayContaining(allowed));
    expect(checks.filter((check) => !check.set && (check.exposure ?? 0) > 0)).toHaveLength(allowed.length);
  });
});

test("the gateway's unit starts it as npm start does: its V8 flags and malloc arenas (gateway/runtime.ts)", () => {
  const unit = readFileSync(join(root, 'deploy', 'irm-gateway.service'), 'utf8');
  const execStart = /^ExecStart=(.*)$/m.exec(unit)![1].split(' ');
  expect(execStart.slice(1)).toEqual([...gatewayNodeFlags({}), 'gateway/index.ts']);
  const environment = [...unit.matchAll(/^Environment=(\S+)$/gm)].map((m) => m[1]);
  expect(environment).toEqual(expect.arrayContaining(Object.entries(gatewayEnvironment({})).map(([name, value]) => `${name}=${value}`)));
});
