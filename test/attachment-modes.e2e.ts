import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStack, type Stack } from './support/stack.ts';
import { createInquiry } from './support/inquiries.ts';

// Attachment files and their folder are region's alone: other local users can neither list nor read them.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

test('an uploaded file is stored 0600 in a folder made 0700, also when the folder was world-readable before', async () => {
  // As an earlier version left it.
  await chmod(stack.attachmentsDir, 0o755);
  const partner = await stack.token({ role: 'partner', sub: 'oem' });
  const inquiryId = await createInquiry(stack, partner);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 'x'), Buffer.from('\n%%EOF\n')]);
  const base = stack.gatewayUrl.replace(/\/graphql$/, '');
  const res = await fetch(`${base}/attachments?inquiryId=${inquiryId}&fileName=welle.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${partner}` },
    body: pdf,
  });
  expect(res.status).toBe(201);

  const files = await readdir(stack.attachmentsDir);
  expect(files).toHaveLength(1);
  expect((await stat(join(stack.attachmentsDir, files[0]))).mode & 0o777).toBe(0o600);
  expect((await stat(stack.attachmentsDir)).mode & 0o777).toBe(0o700);
});
