import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { uploadsHeld as gatewayHeld } from '../gateway/attachments.ts';
import { uploadsHeld as regionHeld } from '../subgraphs/region/files.ts';
import { createInquiry } from './support/inquiries.ts';
import { ok, startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// Region's file store leaves its disk a reserve (ATTACHMENTS_MIN_FREE_BYTES, 1 GiB by default): here one larger
// than any disk, so that every upload would pass it and is refused as our capacity, 503 with Retry-After, with
// no file and no row left behind.

let stack: Stack;
let base: string;
const lines: { service: string; level: string; msg: string }[] = [];
const logDestination = {
  write(chunk: string) {
    for (const line of chunk.split('\n')) if (line) lines.push(JSON.parse(line));
  },
};

beforeAll(async () => {
  // Every service's environment takes it (the stack has no option of its own for it); only region reads it.
  stack = await startStack({ observability: { ATTACHMENTS_MIN_FREE_BYTES: String(2 ** 52) }, logDestination });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await stack?.stop();
});

test('an upload that would leave the disk less than its reserve: 503 SERVICE_UNAVAILABLE STORAGE_FULL, nothing stored, the operator told', async () => {
  const token = await stack.token({ role: 'partner', sub: 'oem' });
  const inquiryId = await createInquiry(stack, token);
  const filesBefore = await readdir(stack.attachmentsDir);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'x')]);
  const res = await fetch(`${base}/attachments?inquiryId=${inquiryId}&fileName=welle.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` },
    body: pdf,
  });
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('600');
  const error = ((await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];
  expect(error.extensions).toEqual({
    code: 'SERVICE_UNAVAILABLE',
    service: 'region',
    reason: 'STORAGE_FULL',
    retryAfter: 600,
    requestId: res.headers.get('x-request-id'),
  });
  expect(error.message).toContain('nothing is wrong with your file');
  expect(await readdir(stack.attachmentsDir)).toEqual(filesBefore);
  expect((await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { attachments { id } } }`, { id: inquiryId }, token))).inquiry.attachments).toEqual([]);
  expect(lines.filter((line) => line.msg.includes('ATTACHMENTS_MIN_FREE_BYTES')).map(({ service, level }) => ({ service, level }))).toEqual([
    { service: 'region', level: 'error' },
  ]);
  await until(() => gatewayHeld.uploads === 0 && regionHeld.uploads === 0, 'the refused upload gave its memory back');
});
