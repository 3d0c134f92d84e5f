import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queuedBehindLock } from './support/row-lock.ts';
import { startGatewayProcess } from './support/gateway-process.ts';
import { ok, startStack, tokenSigner, type Stack } from './support/stack.ts';
import { until } from './support/wait.ts';
import { createInquiry } from './support/inquiries.ts';

// Drawings of an inquiry: uploaded by its owner through the gateway, stored on
// disk with size and checksum, downloadable only by those who see the inquiry.

const maxBytes = 64 * 1024;
let stack: Stack;
let base: string;
let inquiryId: string;
const tokens: Record<string, string> = {};
const members: Record<string, string> = {};

function upload(token: string | undefined, fileName: string, contentType: string, body: Buffer, id = inquiryId) {
  return fetch(`${base}/attachments?inquiryId=${encodeURIComponent(id)}&fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
}

const download = (token: string | undefined, path: string) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
const step = Buffer.from("ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('Welle'),'2;1');\nENDSEC;\nEND-ISO-10303-21;\n");

async function storedFiles(): Promise<string[]> {
  return readdir(stack.attachmentsDir).catch(() => []);
}

beforeAll(async () => {
  stack = await startStack({ attachmentMaxBytes: maxBytes });
  base = stack.gatewayUrl.replace(/\/graphql$/, '');
  tokens.admin = await stack.token({ role: 'admin' });
  for (const [key, network] of [
    ['anders', 'LINAT'],
    ['brand', 'NIWE'],
  ]) {
    members[key] = (
      await ok(
        stack.query(
          `mutation($n: NetworkCode!, $input: MemberInput!) { createMember(network: $n, input: $input) { id } }`,
          { n: network, input: { name: `${key} GmbH`, postalCode: '99974', city: 'Mühlhausen' } },
          tokens.admin,
        ),
      )
    ).createMember.id;
    tokens[key] = await stack.token({ role: 'member', network, memberId: members[key] });
  }
  tokens.partner = await stack.token({ role: 'partner', sub: 'oem' });
  tokens.otherPartner = await stack.token({ role: 'partner', sub: 'someone-else' });
  inquiryId = await createInquiry(stack, tokens.partner);
});
afterAll(async () => {
  await stack?.stop();
});

describe('attachments', () => {
  let pdfPath: string;

  test('the owner uploads a PDF drawing and a STEP model; size and checksum are kept', async () => {
    const res = await upload(tokens.partner, 'Zeichnung Welle Ø40.pdf', 'application/pdf', pdf);
    expect(res.status).toBe(201);
    const stored = (await res.json()) as { downloadPath: string };
    expect(stored).toMatchObject({
      id: expect.stringMatching(/^att-\d+$/),
      fileName: 'Zeichnung Welle Ø40.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    pdfPath = stored.downloadPath;
    expect((await upload(tokens.partner, 'welle.stp', 'model/step', step)).status).toBe(201);
    const listed = (
      await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { attachments { id fileName size sha256 downloadPath } } }`, { id: inquiryId }, tokens.partner))
    ).inquiry.attachments;
    expect(listed.map((a: { fileName: string }) => a.fileName)).toEqual(['Zeichnung Welle Ø40.pdf', 'welle.stp']);
    expect(await storedFiles()).toHaveLength(2);
  });

  test('too large, a type that is not allowed, or a file that is not what it claims: refused, nothing stored', async () => {
    const tooLarge = await upload(tokens.partner, 'gross.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(maxBytes, 'x')]));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as any).errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'body',
      reason: 'TOO_LARGE',
      max: expect.any(Number),
      requestId: tooLarge.headers.get('x-request-id'),
    });
    const cases: [string, string, Buffer, string][] = [
      ['angebot.docx', 'application/octet-stream', pdf, 'fileName'],
      ['welle.pdf', 'text/plain', pdf, 'content-type'],
      ['welle.pdf', 'application/pdf', step, 'body'],
    ];
    for (const [name, type, body, field] of cases) {
      const res = await upload(tokens.partner, name, type, body);
      expect(res.status, name).toBe(415);
      const error = ((await res.json()) as any).errors[0];
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field, reason: 'FILE', requestId: res.headers.get('x-request-id') });
      expect(error.message.length).toBeGreaterThan(20);
    }
    for (const [name, body, field] of [
      ['leer.pdf', Buffer.alloc(0), 'body'],
      ['"welle".pdf', pdf, 'fileName'],
    ] as const) {
      const res = await upload(tokens.partner, name, 'application/pdf', body);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions, name).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        reason: 'FILE',
        requestId: res.headers.get('x-request-id'),
      });
    }
    expect((await upload(undefined, 'welle.pdf', 'application/pdf', pdf)).status).toBe(401);
    expect((await upload(tokens.otherPartner, 'welle.pdf', 'application/pdf', pdf)).status).toBe(404);
    const listed = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { attachments { id } } }`, { id: inquiryId }, tokens.partner))).inquiry
      .attachments;
    expect(listed).toHaveLength(2);
    expect(await storedFiles()).toHaveLength(2);
  });

  test('a file name with a control or direction character is refused as every other text is: CONTROL_CHARACTER naming fileName', async () => {
    const files = await storedFiles();
    // U+202E showed "Angebot\u202Etxt.pdf" as "Angebotfdp.txt"; DEL, U+0085 and U+2066 were kept as sent.
    for (const [name, shown] of [
      ['Angebot\u202Etxt.pdf', 'a direction control (U+202E) at character 8'],
      ['Welle\u2066.pdf', 'a direction control (U+2066) at character 6'],
      ['Welle\u007F.pdf', 'a control character (U+007F) at character 6'],
      ['Welle\u0085.pdf', 'a control character (U+0085) at character 6'],
      ['Welle\u0007.pdf', 'a control character (U+0007) at character 6'],
    ]) {
      const res = await upload(tokens.partner, name, 'application/pdf', pdf);
      expect(res.status, name).toBe(400);
      const error = ((await res.json()) as any).errors[0];
      expect(error.extensions, name).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'fileName',
        reason: 'CONTROL_CHARACTER',
        requestId: res.headers.get('x-request-id'),
      });
      expect(error.message, name).toBe(`fileName contains ${shown}, which no text shows; remove it.`);
    }
    const tab = await upload(tokens.partner, 'Welle\t1.pdf', 'application/pdf', pdf);
    expect(((await tab.json()) as any).errors[0].extensions).toMatchObject({ field: 'fileName', reason: 'CONTROL_CHARACTER', oneLine: true });
    expect(await storedFiles()).toEqual(files);
    const listed = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { attachments { fileName } } }`, { id: inquiryId }, tokens.partner))).inquiry
      .attachments;
    expect(listed).toHaveLength(2);
  });

  test('only those who see the inquiry download; region refuses the request unless the gateway signed it', async () => {
    const version = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id: inquiryId }, tokens.partner))).inquiry.version;
    await ok(
      stack.query(`mutation($id: ID!, $v: Int!) { publishInquiry(id: $id, version: $v, invite: 0) { id } }`, { id: inquiryId, v: version }, tokens.admin),
    );
    await ok(
      stack.query(`mutation($id: ID!, $m: ID!) { addInvitee(inquiryId: $id, memberId: $m) { status } }`, { id: inquiryId, m: members.anders }, tokens.admin),
    );

    const res = await download(tokens.anders, pdfPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-sha256')).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    // An invited member may read, not add.
    expect((await upload(tokens.anders, 'welle.pdf', 'application/pdf', pdf)).status).toBe(403);

    expect((await download(tokens.brand, pdfPath)).status).toBe(404);
    expect((await download(tokens.otherPartner, pdfPath)).status).toBe(404);
    expect((await download(undefined, pdfPath)).status).toBe(401);
    expect((await fetch(`${stack.regionUrl}/internal/attachments?id=${pdfPath.split('=')[1]}`)).status).toBe(401);

    // A cancelled inquiry takes no more drawings: CONFLICT, with the status that refuses it.
    const current = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id: inquiryId }, tokens.partner))).inquiry.version;
    await ok(stack.query(`mutation($id: ID!, $v: Int!) { cancelInquiry(id: $id, version: $v) { id } }`, { id: inquiryId, v: current }, tokens.partner));
    const late = await upload(tokens.partner, 'welle.pdf', 'application/pdf', pdf);
    expect(late.status).toBe(409);
    expect(((await late.json()) as any).errors[0].extensions).toEqual({
      code: 'CONFLICT',
      reason: 'STATUS',
      status: 'CANCELLED',
      requestId: late.headers.get('x-request-id'),
    });
    expect(await storedFiles()).toHaveLength(2);
  });

  test("a gateway whose signature region refuses answers 502, its own fault, not a 401 that would end the caller's session", async () => {
    const gateway = await startGatewayProcess(stack, { REGION_SUBGRAPH_SECRET: 'f'.repeat(64) });
    try {
      const token = await tokenSigner('g'.repeat(32))({ role: 'partner', sub: 'oem' });
      const res = await fetch(`${gateway.url}${pdfPath}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(502);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      await until(() => gateway.output().includes('check REGION_SUBGRAPH_SECRET'), 'the gateway logs the refused signature');
    } finally {
      gateway.child.kill();
      await gateway.exited;
    }
  });

  test('an upload that waits while its inquiry is cancelled is CONFLICT and keeps no row', async () => {
    const id = await createInquiry(stack, tokens.partner);
    const version = (await ok(stack.query(`query($id: ID!) { inquiry(id: $id) { version } }`, { id }, tokens.partner))).inquiry.version;
    const [cancelled, uploaded] = await queuedBehindLock(
      stack.regionDatabaseUrl,
      { sql: 'select 1 from inquiry where id = $1 for update', params: [Number(id.slice(4))] },
      'inquiry',
      [
        () => stack.query(`mutation($id: ID!, $v: Int!) { cancelInquiry(id: $id, version: $v) { status } }`, { id, v: version }, tokens.partner),
        async () => {
          const response = await upload(tokens.partner, 'spaet.pdf', 'application/pdf', pdf, id);
          return { status: response.status, data: null, errors: ((await response.json()) as any).errors };
        },
      ],
    );
    expect(cancelled.data?.cancelInquiry.status).toBe('CANCELLED');
    expect(uploaded.status).toBe(409);
    const [{ n }] = await stack.region.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from inquiry_attachment where inquiry_id = ?', [Number(id.slice(4))]);
    expect(n).toBe(0);
  });

  test("a download whose file has gone from the store answers 500 at once, without the file's headers", async () => {
    const id = await createInquiry(stack, tokens.partner);
    const uploaded = await upload(tokens.partner, 'verloren.pdf', 'application/pdf', pdf, id);
    expect(uploaded.status).toBe(201);
    const { downloadPath } = (await uploaded.json()) as { downloadPath: string };
    const before = new Set(await storedFiles());
    const [{ storage_name }] = await stack.region.orm.em
      .fork()
      .getConnection()
      .execute<{ storage_name: string }[]>(`select storage_name from inquiry_attachment where file_name = 'verloren.pdf'`);
    expect(before.has(storage_name)).toBe(true);
    await rm(join(stack.attachmentsDir, storage_name));
    // The answer's length was the file's before, and the gateway waited 30 s for the bytes that never came.
    const response = await download(tokens.partner, downloadPath);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });

  test('an upload whose commit fails leaves no file behind', async () => {
    const id = await createInquiry(stack, tokens.partner);
    const connection = stack.region.orm.em.fork().getConnection();
    // A failure at COMMIT (a lost connection, a deferred check): the row is flushed, the transaction then fails.
    await connection.execute(`create function fail_at_commit() returns trigger language plpgsql as $$
      begin if new.file_name = 'scheitert.pdf' then raise exception 'commit refused' using errcode = '40001'; end if; return new; end $$`);
    await connection.execute(`create constraint trigger fail_at_commit after insert on inquiry_attachment deferrable initially deferred
      for each row execute function fail_at_commit()`);
    try {
      const before = await storedFiles();
      const response = await upload(tokens.partner, 'scheitert.pdf', 'application/pdf', pdf, id);
      expect(response.status).toBe(500);
      expect(await storedFiles()).toEqual(before);
    } finally {
      await connection.execute('drop trigger fail_at_commit on inquiry_attachment');
      await connection.execute('drop function fail_at_commit()');
    }
  });
});
