import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig as gatewayConfig } from '../gateway/index.ts';
import { uploadBodyIdle as gatewayIdle, uploadsHeld as gatewayHeld } from '../gateway/attachments.ts';
import { ConfigError } from '../shared/config.ts';
import { encodeIdentity, identityHeader } from '../shared/identity.ts';
import { signRequest } from '../shared/signature.ts';
import { uploadBodyIdle as regionIdle, uploadsHeld as regionHeld } from '../subgraphs/region/files.ts';
import { loadConfig as regionConfig } from '../subgraphs/region/index.ts';
import { createInquiry } from './support/inquiries.ts';
import { queuedBehindLock } from './support/row-lock.ts';
import { startStack, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';

// What uploads may take of the gateway and region: bytes held in memory at once across all callers (503, our
// capacity), uploads in progress per caller (429, the caller's share), and per inquiry a number of files and of
// bytes (BAD_USER_INPUT). Uploads are held open by sending part of their body and the rest only when the test says,
// and what is held is read from the services' counters: no timing is assumed and no RSS measured.

const maxBytes = 64 * 1024;
const memoryBytes = 3 * maxBytes;
const perCaller = 2;
const quota = { files: 3, bytes: 150 * 1024 };
let stack: Stack;
let base: string;
const tokens: Record<string, string> = {};

/** A PDF of exactly `size` bytes. */
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 'x')]);
const small = pdfOf(2000);

const attachmentPath = (inquiryId: string, fileName: string) =>
  `/attachments?inquiryId=${encodeURIComponent(inquiryId)}&fileName=${encodeURIComponent(fileName)}`;

function upload(token: string, inquiryId: string, body: Buffer, fileName = 'welle.pdf') {
  return fetch(`${base}${attachmentPath(inquiryId, fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${token}` },
    body,
  });
}

interface HeldUpload {
  /** Sends the rest of the body; the answer's status. */
  finish(): Promise<number>;
  /** Goes away with the body half sent. */
  abort(): void;
  /** The answer's status and body, as it comes without the rest of the body sent. */
  answered: Promise<{ status: number; body: string }>;
}

/** Every upload held open by a test, gone away from after it: one a failed test left open held its place for the next. */
const opened = new Set<import('node:http').ClientRequest>();

/** A POST whose body goes out in part, with its whole length declared; the rest only on `finish`. */
function heldUpload(url: string, headers: Record<string, string>, body: Buffer): HeldUpload {
  const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } });
  opened.add(req);
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
  });
  // Gone away from by abort or afterEach: no one waits for the answer then.
  answered.catch(() => {});
  req.write(body.subarray(0, 100));
  return {
    finish() {
      req.end(body.subarray(100));
      return answered.then(({ status }) => status);
    },
    abort() {
      req.destroy();
    },
    answered,
  };
}

/** An upload through the gateway, held open. */
const heldAtGateway = (token: string, inquiryId: string, body: Buffer) =>
  heldUpload(`${base}${attachmentPath(inquiryId, 'gehalten.pdf')}`, { 'content-type': 'application/pdf', authorization: `Bearer ${token}` }, body);

/** An upload sent to region as the gateway sends it, signed, held open. */
function heldAtRegion(owner: string, inquiryId: string, body: Buffer): HeldUpload {
  const path = `/internal${attachmentPath(inquiryId, 'gehalten.pdf')}`;
  const identity = encodeIdentity({ role: 'partner', subject: owner });
  const signature = signRequest(stack.subgraphSecrets.region, { service: 'region', method: 'POST', path, body, identity });
  return heldUpload(`${stack.regionUrl}${path}`, { 'content-type': 'application/pdf', [identityHeader]: identity, ...signature }, body);
}

const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];

/** An inquiry's attachment rows. */
async function rowsOf(inquiryId: string): Promise<number> {
  const [{ n }] = await stack.region.orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>('select count(*)::int as n from inquiry_attachment where inquiry_id = ?', [Number(inquiryId.slice(4))]);
  return n;
}

const storedFiles = async () => (await readdir(stack.attachmentsDir)).length;

const nothingHeld = () => until(() => gatewayHeld.uploads === 0 && regionHeld.uploads === 0, 'no upload is held');

beforeAll(async () => {
  const env = {
    UPLOAD_MEMORY_BYTES: String(memoryBytes),
    UPLOADS_PER_CALLER: String(perCaller),
    ATTACHMENTS_PER_INQUIRY: String(quota.files),
    ATTACHMENT_BYTES_PER_INQUIRY: String(quota.bytes),
  };
  // Every service's environment takes these (the stack has no option of its own for them); the networks ignore them.
  stack = await startStack({ attachmentMaxBytes: maxBytes, observability: env });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin' });
  for (const sub of ['p1', 'p2', 'p3']) tokens[sub] = await stack.token({ role: 'partner', sub });
});
afterEach(async () => {
  for (const req of opened) req.destroy();
  opened.clear();
  await nothingHeld();
});
afterAll(async () => {
  await stack?.stop();
});

describe('uploads in memory', () => {
  test("a caller's uploads in progress beyond its share are 429 RATE_LIMITED; others go on; once one finished it is taken", async () => {
    // Admin, whom no rate limit binds (as members and offices), uploads to inquiries of its own.
    const [first, second, third] = await Promise.all([1, 2, 3].map(() => createInquiry(stack, tokens.admin)));
    const files = await storedFiles();
    const held = [heldAtGateway(tokens.admin, first, small), heldAtGateway(tokens.admin, second, small)];
    await until(() => gatewayHeld.uploads === perCaller, 'both uploads are held at the gateway');

    const refused = await upload(tokens.admin, third, small);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    const error = await errorOf(refused);
    expect(error.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfter: 5,
      limit: 'concurrentUploads',
      max: perCaller,
      requestId: refused.headers.get('x-request-id'),
    });
    expect(error.message).toMatch(/2 uploads of yours are in progress.*once one of them has finished/);
    expect(await rowsOf(third)).toBe(0);

    // Another caller's upload is not in the admin's share.
    const other = await createInquiry(stack, tokens.p1);
    expect((await upload(tokens.p1, other, small)).status).toBe(201);

    // One held upload finishes, the other goes away half sent: both give their place back.
    expect(await held[0].finish()).toBe(201);
    held[1].abort();
    await nothingHeld();
    expect((await upload(tokens.admin, third, small)).status).toBe(201);
    expect([await rowsOf(first), await rowsOf(second), await rowsOf(third)]).toEqual([1, 0, 1]);
    expect(await storedFiles()).toBe(files + 3);
  });

  test('the gateway holds at most UPLOAD_MEMORY_BYTES of bodies, all callers together: past it 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const inquiries = await Promise.all(['p1', 'p1', 'p2', 'p3'].map((sub) => createInquiry(stack, tokens[sub])));
    const files = await storedFiles();
    // Three of the largest files, held by two callers: what each declared is held, before a byte of it is read.
    const held = [
      heldAtGateway(tokens.p1, inquiries[0], pdfOf(maxBytes)),
      heldAtGateway(tokens.p1, inquiries[1], pdfOf(maxBytes)),
      heldAtGateway(tokens.p2, inquiries[2], pdfOf(maxBytes)),
    ];
    await until(() => gatewayHeld.uploads === 3, 'three uploads are held at the gateway');
    expect(gatewayHeld.bytes).toBe(memoryBytes);

    const refused = await upload(tokens.p3, inquiries[3], small);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    const error = await errorOf(refused);
    expect(error.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      service: 'gateway',
      reason: 'UPLOADS_BUSY',
      retryAfter: 5,
      requestId: refused.headers.get('x-request-id'),
    });
    expect(error.message).toContain('nothing is wrong with yours');
    expect(await rowsOf(inquiries[3])).toBe(0);
    expect(gatewayHeld.bytes).toBe(memoryBytes);

    expect(await held[0].finish()).toBe(201);
    await until(() => gatewayHeld.uploads === 2, 'the finished upload gave its bytes back');
    expect((await upload(tokens.p3, inquiries[3], small)).status).toBe(201);
    expect(await Promise.all(held.slice(1).map((h) => h.finish()))).toEqual([201, 201]);
    await nothingHeld();
    expect(await storedFiles()).toBe(files + 4);
  });

  test("region holds at most its own UPLOAD_MEMORY_BYTES: past it 503, which the gateway passes on with region's Retry-After", async () => {
    const [owned, next] = await Promise.all([createInquiry(stack, tokens.p1), createInquiry(stack, tokens.p2)]);
    const files = await storedFiles();
    // Sent to region directly, as several gateways together would: the gateway itself holds none of them.
    const held = [1, 2, 3].map(() => heldAtRegion('p1', owned, pdfOf(maxBytes)));
    await until(() => regionHeld.bytes === memoryBytes, 'region holds three of the largest uploads');
    expect(gatewayHeld.uploads).toBe(0);

    const refused = await upload(tokens.p2, next, small);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await errorOf(refused)).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'region', reason: 'UPLOADS_BUSY', retryAfter: 5 });
    expect(await rowsOf(next)).toBe(0);

    // Callers that go away half sent give region's memory back too.
    for (const h of held) h.abort();
    await nothingHeld();
    expect((await upload(tokens.p2, next, small)).status).toBe(201);
    expect(await rowsOf(owned)).toBe(0);
    expect(await storedFiles()).toBe(files + 1);
  });
});

describe('uploads that stop sending', () => {
  // Each held upload declares the largest file and sends 100 bytes of it: without an idle limit it held its place
  // until Node's requestTimeout (300 s). The limit is shortened here, and what is held is read from the counters.
  const idleMs = 300;
  beforeAll(() => {
    gatewayIdle.ms = idleMs;
    regionIdle.ms = idleMs;
  });
  afterAll(() => {
    gatewayIdle.ms = 15_000;
    regionIdle.ms = 15_000;
  });

  const expect408 = async (held: HeldUpload) => {
    const { status, body } = await held.answered;
    expect(status).toBe(408);
    const error = (JSON.parse(body) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];
    expect(error.extensions.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('did not arrive in time');
  };

  test('the gateway gives up on a body that stopped coming: 408, and its place and bytes are given back', async () => {
    const inquiries = await Promise.all(['p1', 'p1', 'p2', 'p3'].map((sub) => createInquiry(stack, tokens[sub])));
    const held = [
      heldAtGateway(tokens.p1, inquiries[0], pdfOf(maxBytes)),
      heldAtGateway(tokens.p1, inquiries[1], pdfOf(maxBytes)),
      heldAtGateway(tokens.p2, inquiries[2], pdfOf(maxBytes)),
    ];
    // Every place taken at once; then all go back without a byte more sent.
    await until(() => gatewayHeld.bytes === memoryBytes || gatewayHeld.uploads === 0, 'the three uploads are held at the gateway');
    await nothingHeld();
    for (const h of held) await expect408(h);
    expect(regionHeld.uploads).toBe(0);
    expect((await upload(tokens.p3, inquiries[3], small)).status).toBe(201);
    expect(await Promise.all(inquiries.slice(0, 3).map(rowsOf))).toEqual([0, 0, 0]);
  });

  test('region gives up on a body that stopped coming: 408, and its memory is given back', async () => {
    const [owned, next] = await Promise.all([createInquiry(stack, tokens.p1), createInquiry(stack, tokens.p2)]);
    const held = [1, 2, 3].map(() => heldAtRegion('p1', owned, pdfOf(maxBytes)));
    await until(() => regionHeld.bytes === memoryBytes || regionHeld.uploads === 0, 'region holds three of the largest uploads');
    await nothingHeld();
    for (const h of held) await expect408(h);
    expect((await upload(tokens.p2, next, small)).status).toBe(201);
    expect(await rowsOf(owned)).toBe(0);
  });

  test('an upload whose body keeps coming, slower than the idle limit in all, is not given up on', async () => {
    const inquiry = await createInquiry(stack, tokens.p1);
    const body = pdfOf(4000);
    const req = request(`${base}${attachmentPath(inquiry, 'langsam.pdf')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf', authorization: `Bearer ${tokens.p1}`, 'content-length': String(body.length) },
    });
    opened.add(req);
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    // Ten parts a third of the idle limit apart: together over three times as long as it, each well within it of the last.
    for (let i = 0; i < 10; i += 1) {
      req.write(body.subarray(i * 400, (i + 1) * 400));
      await new Promise((resolve) => setTimeout(resolve, idleMs / 3));
    }
    req.end();
    expect(await answered).toBe(201);
    expect(await rowsOf(inquiry)).toBe(1);
  });
});

describe('what an inquiry takes', () => {
  test('past ATTACHMENT_BYTES_PER_INQUIRY 413 TOO_LARGE, past ATTACHMENTS_PER_INQUIRY 400 TOO_MANY, each naming its limit; nothing stored', async () => {
    const id = await createInquiry(stack, tokens.p1);
    const files = await storedFiles();
    expect((await upload(tokens.p1, id, pdfOf(maxBytes), 'eins.pdf')).status).toBe(201);
    expect((await upload(tokens.p1, id, pdfOf(maxBytes), 'zwei.pdf')).status).toBe(201);

    const tooMuch = await upload(tokens.p1, id, pdfOf(maxBytes), 'drei.pdf');
    expect(tooMuch.status).toBe(413);
    const bytesError = await errorOf(tooMuch);
    expect(bytesError.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'body',
      reason: 'TOO_LARGE',
      limit: 'attachmentBytesPerInquiry',
      max: quota.bytes,
      requestId: tooMuch.headers.get('x-request-id'),
    });
    expect(bytesError.message).toContain(`would pass the ${quota.bytes} one inquiry takes`);
    expect(await rowsOf(id)).toBe(2);
    expect(await storedFiles()).toBe(files + 2);

    expect((await upload(tokens.p1, id, pdfOf(10_000), 'drei.pdf')).status).toBe(201);
    const tooMany = await upload(tokens.p1, id, small, 'vier.pdf');
    expect(tooMany.status).toBe(400);
    const countError = await errorOf(tooMany);
    expect(countError.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'inquiryId',
      reason: 'TOO_MANY',
      limit: 'attachmentsPerInquiry',
      max: quota.files,
      requestId: tooMany.headers.get('x-request-id'),
    });
    expect(countError.message).toMatch(/has 3 attachments, the most one inquiry takes \(3\); put several drawings into one PDF/);
    expect(await rowsOf(id)).toBe(3);
    expect(await storedFiles()).toBe(files + 3);
  });

  test('two uploads at once for the last place: one is stored, the other refused, and its file removed', async () => {
    const id = await createInquiry(stack, tokens.p2);
    for (const name of ['eins.pdf', 'zwei.pdf']) expect((await upload(tokens.p2, id, small, name)).status).toBe(201);
    const files = await storedFiles();
    // Both have passed the first count and written their file; they count again under the inquiry's lock, one
    // after the other. Without it, both took the last place.
    const statuses = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select pg_advisory_xact_lock(hashtextextended($1, 0))', params: [`inquiry attachments ${Number(id.slice(4))}`] },
      'pg_advisory_xact_lock',
      ['a.pdf', 'b.pdf'].map((name) => async () => (await upload(tokens.p2, id, small, name)).status),
    );
    expect(statuses).toEqual([201, 400]);
    expect(await rowsOf(id)).toBe(3);
    expect(await storedFiles()).toBe(files + 1);
  });
});

describe('settings', () => {
  const unsigned = { ALLOW_UNSIGNED: '1' };
  const region = { ...unsigned, DATABASE_URL: 'postgresql://db/region', WEBHOOK_KEY: 'a'.repeat(64) };

  test('derived from ATTACHMENT_MAX_BYTES unless given', () => {
    expect(gatewayConfig({ ...unsigned, ATTACHMENT_MAX_BYTES: '1000' }).gateway.uploads).toEqual({ memoryBytes: 8000, perCaller: 4 });
    expect(gatewayConfig({ ...unsigned, UPLOAD_MEMORY_BYTES: '50000000', UPLOADS_PER_CALLER: '2' }).gateway.uploads).toEqual({
      memoryBytes: 50_000_000,
      perCaller: 2,
    });
    expect(regionConfig({ ...region, ATTACHMENT_MAX_BYTES: '1000' }).region.inquiries).toMatchObject({
      uploadMemoryBytes: 8000,
      attachmentsMinFreeBytes: 1024 ** 3,
      attachmentsPerInquiry: 50,
      attachmentBytesPerInquiry: 10_000,
    });
    expect(regionConfig({ ...region, ATTACHMENTS_MIN_FREE_BYTES: '0' }).region.inquiries?.attachmentsMinFreeBytes).toBe(0);
  });

  test('refused at start: less memory or room per inquiry than the largest file, no upload per caller, a reserve that is no number', () => {
    expect(() => gatewayConfig({ ...unsigned, ATTACHMENT_MAX_BYTES: '1000', UPLOAD_MEMORY_BYTES: '999' })).toThrow(
      new ConfigError('UPLOAD_MEMORY_BYTES must be a whole number of at least 1000, got "999".'),
    );
    expect(() => gatewayConfig({ ...unsigned, UPLOADS_PER_CALLER: '0' })).toThrow(
      new ConfigError('UPLOADS_PER_CALLER must be a whole number of at least 1, got "0".'),
    );
    expect(() => regionConfig({ ...region, ATTACHMENT_MAX_BYTES: '1000', UPLOAD_MEMORY_BYTES: '999' })).toThrow(
      new ConfigError('UPLOAD_MEMORY_BYTES must be a whole number of at least 1000, got "999".'),
    );
    expect(() => regionConfig({ ...region, ATTACHMENT_MAX_BYTES: '1000', ATTACHMENT_BYTES_PER_INQUIRY: '999' })).toThrow(
      new ConfigError('ATTACHMENT_BYTES_PER_INQUIRY must be a whole number of at least 1000, got "999".'),
    );
    expect(() => regionConfig({ ...region, ATTACHMENTS_PER_INQUIRY: '0' })).toThrow(
      new ConfigError('ATTACHMENTS_PER_INQUIRY must be a whole number of at least 1, got "0".'),
    );
    expect(() => regionConfig({ ...region, ATTACHMENTS_MIN_FREE_BYTES: '1 GB' })).toThrow(
      new ConfigError('ATTACHMENTS_MIN_FREE_BYTES must be a whole number of at least 0, got "1 GB".'),
    );
  });
});
