import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { LineBuffer } from '../shared/log-buffer.ts';
import { until } from './support/wait.ts';

// A service's log lines are gathered and written in batches (shared/log-buffer.ts): none is lost, none
// reordered, none held for more than a second, and none left behind when the process exits.

const dir = mkdtempSync(join(tmpdir(), 'irm-log-buffer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (i: number) => `${JSON.stringify({ level: 'info', msg: 'request', i, path: '/graphql', city: 'Mühlhausen' })}\n`;
const written = (file: string) => readFileSync(file, 'utf8');

test('lines wait for their batch, then come out whole and in order; flush writes what is pending at once', () => {
  const file = join(dir, 'batches.log');
  writeFileSync(file, '');
  const buffer = new LineBuffer(file);
  buffer.write(line(0));
  buffer.write(line(1));
  expect(written(file)).toBe('');
  buffer.flush();
  expect(written(file)).toBe(line(0) + line(1));
  // 16 KB of lines make a batch of their own, without a flush.
  const many = Array.from({ length: 400 }, (_, i) => line(i + 2));
  for (const l of many) buffer.write(l);
  const lines = written(file).split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.length).toBeLessThan(402);
  expect(written(file)).toBe([line(0), line(1), ...many.slice(0, lines.length - 2)].join(''));
  buffer.flush();
  expect(written(file)).toBe([line(0), line(1), ...many].join(''));
});

test('a lone line is written within a second, without a flush', async () => {
  const file = join(dir, 'timer.log');
  writeFileSync(file, '');
  new LineBuffer(file).write(line(7));
  await until(() => written(file) === line(7), 'the line is written', 5000);
});

test('a process that exits, by process.exit or at the end of its work, writes every line it holds', () => {
  const module = fileURLToPath(new URL('../shared/log-buffer.ts', import.meta.url));
  for (const end of ['process.exit(3);', '']) {
    const file = join(dir, `exit-${end ? 'exit' : 'end'}.log`);
    const script = join(dir, 'child.ts');
    writeFileSync(
      script,
      `import { LineBuffer } from ${JSON.stringify(module)};
const buffer = new LineBuffer(${JSON.stringify(file)});
for (let i = 0; i < 30; i++) buffer.write(${JSON.stringify(line(0))});
${end}`,
    );
    try {
      execFileSync(process.execPath, [script], { stdio: 'ignore' });
    } catch (error) {
      expect((error as { status: number }).status).toBe(3);
    }
    expect(written(file)).toBe(line(0).repeat(30));
  }
});
