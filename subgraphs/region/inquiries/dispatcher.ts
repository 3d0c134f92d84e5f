import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { currentLog } from '../../../shared/observability.ts';
import { startPoller } from '../../../shared/poller.ts';
import { purgeExpiredKeys } from '../idempotency.ts';
import { checkTarget, pinnedLookup, type CheckedTarget, type Resolve } from './webhooks.ts';
import { openSecret } from './webhook-secrets.ts';

// Delivers the outbox to webhooks, at least once: each event is fanned out to
// the matching webhooks as one delivery row each, and a delivery is retried
// with exponential backoff until the receiver answers 2xx or the attempts run
// out. A claimed delivery is leased, so a dispatcher that dies mid-call lets
// another retry it later; receivers drop duplicates by the event id.

export interface DispatcherOptions {
  /** Pause between polls of the outbox. */
  intervalMs: number;
  /** Wait before the first retry; doubles with each further attempt. */
  backoffMs: number;
  maxAttempts: number;
  /** Invited members who have not quoted hear this long before the quote deadline. */
  deadlineNoticeMs: number;
  allowLoopback: boolean;
  /** How webhook host names are resolved; the system's resolver unless a test gives its own. */
  resolve?: Resolve;
  /** Opens the sealed webhook secrets (webhook-secrets.ts). */
  webhookKey: Buffer;
  /** Region's log; the process's when absent. */
  log?: Pick<Logger, 'error' | 'info'>;
}

export const defaultDispatcherOptions: Omit<DispatcherOptions, 'webhookKey'> = {
  intervalMs: 2000,
  backoffMs: 5000,
  maxAttempts: 10,
  deadlineNoticeMs: 24 * 3600_000,
  allowLoopback: false,
};

const deliveryTimeoutMs = 10_000;
const leaseMs = 60_000;
const maxBackoffMs = 6 * 3600_000;

export interface Dispatcher {
  /** Stops polling and waits for the poll under way. */
  stop(): Promise<void>;
}

const deadlineNotices = `
  with due as (
    update "inquiry" set "deadline_notice_at" = now()
    where "status" = 'OPEN' and "deadline_notice_at" is null and "quote_deadline" > now() and "quote_deadline" <= now() + (?::double precision * interval '1 millisecond')
    returning "id", "title", "quote_deadline")
  insert into "outbox_event" ("id", "type", "inquiry_id", "member_id", "network", "payload", "fanned_out", "created_at")
  select gen_random_uuid(), 'DEADLINE_NEAR', due."id", i."member_id", i."network",
         jsonb_build_object('inquiryId', 'inq-' || due."id", 'title', due."title", 'quoteDeadline', to_char(due."quote_deadline" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
         false, now()
  from due join "inquiry_invitation" i on i."inquiry_id" = due."id" and i."status" in ('INVITED', 'VIEWED')`;

const fanOut = `
  with events as (
    update "outbox_event" set "fanned_out" = true
    where "id" in (select "id" from "outbox_event" where not "fanned_out" order by "created_at" limit 200 for update skip locked)
    returning "id", "type", "member_id", "network", "owner_key")
  insert into "webhook_delivery" ("webhook_id", "event_id", "event_type", "attempts", "next_attempt_at")
  select w."id", e."id", e."type", 0, now()
  from events e join "webhook" w on e."type" = any (w."events")
    and ((w."member_id" is not null and w."member_id" = e."member_id") or (w."member_id" is null and w."network" = e."network") or w."owner_key" = e."owner_key")
  on conflict do nothing`;

const claim = `
  update "webhook_delivery" d set "next_attempt_at" = now() + (?::double precision * interval '1 millisecond')
  from "outbox_event" e, "webhook" w
  where d."id" in (
      select "id" from "webhook_delivery"
      where "delivered_at" is null and "next_attempt_at" <= now() and "attempts" < ?
      order by "next_attempt_at" limit 20 for update skip locked)
    and e."id" = d."event_id" and w."id" = d."webhook_id"
  returning d."id", d."attempts", e."id" as "event_id", e."type", e."payload", e."created_at", w."url", w."secret"`;

interface Claimed {
  id: number;
  attempts: number;
  event_id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
  url: string;
  secret: string;
}

const timedOut = 'timed out';

/**
 * POSTs one event to a checked target, connecting only to the addresses it was checked at (see checkTarget);
 * resolves with the HTTP status. Redirects are not followed: a 3xx is a failed delivery.
 */
export function postEvent(target: CheckedTarget, headers: Record<string, string>, body: string): Promise<number> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target.url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: pinnedLookup(target.addresses) },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(timedOut)), deliveryTimeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('error', reject);
    request.end(body);
  });
}

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function startDispatcher(orm: MikroORM, options: DispatcherOptions): Dispatcher {
  function openable(sealed: string): string | null {
    try {
      return openSecret(options.webhookKey, sealed);
    } catch {
      return null;
    }
  }

  async function deliver(d: Claimed): Promise<void> {
    const body = JSON.stringify({ id: d.event_id, type: d.type, occurredAt: new Date(d.created_at).toISOString(), data: d.payload });
    let status: number | null = null;
    let error: string | null = null;
    const target = await checkTarget(d.url, options.allowLoopback, options.resolve);
    const secret = openable(d.secret);
    if ('refused' in target) error = `url ${target.refused}`;
    else if (secret === null) error = "secret cannot be opened with region's webhook key (WEBHOOK_KEY changed?); register the webhook again";
    else {
      try {
        status = await postEvent(
          target,
          { 'content-type': 'application/json', 'x-irm-event-id': d.event_id, 'x-irm-event-type': d.type, 'x-irm-signature': signBody(secret, body) },
          body,
        );
      } catch (e) {
        error = (e as Error).message === timedOut ? 'timed out' : 'connection failed';
      }
    }
    const attempts = d.attempts + 1;
    const delivered = status !== null && status >= 200 && status < 300;
    const retryIn = delivered || attempts >= options.maxAttempts ? null : Math.min(options.backoffMs * 2 ** (attempts - 1), maxBackoffMs);
    await orm.em.fork().execute(
      `update "webhook_delivery" set "attempts" = ?, "last_status" = ?, "last_error" = ?, "delivered_at" = case when ? then now() end,
         "next_attempt_at" = now() + (?::double precision * interval '1 millisecond')
       where "id" = ?`,
      [attempts, status, error ?? (delivered ? null : `HTTP ${status}`), delivered, retryIn, d.id],
    );
  }

  /** One poll: deadline notices, fan-out, due deliveries, and expired idempotency keys gone. */
  async function tick(): Promise<void> {
    const em = orm.em.fork();
    await purgeExpiredKeys(em);
    await em.execute(deadlineNotices, [options.deadlineNoticeMs]);
    await em.execute(fanOut);
    const due = await em.execute<Claimed[]>(claim, [leaseMs, options.maxAttempts]);
    await Promise.all(due.map(deliver));
  }

  return startPoller({
    intervalMs: options.intervalMs,
    poll: tick,
    log: () => options.log ?? currentLog(),
    lost: (message) => `webhook dispatcher: region's database is out of reach (${message}); deliveries wait until it answers`,
    back: "webhook dispatcher: region's database answers again; deliveries go on",
    // A database that refuses a statement (it answers with an error code) is one line per poll, not a 40-line stack
    // every 2 s; anything else keeps its stack for whoever has to fix it.
    failed: (error, log) => {
      const code = (error as { code?: string }).code;
      if (code) log.error({ code }, `webhook dispatch failed: ${(error as Error).message}`);
      else log.error({ err: error }, 'webhook dispatch failed');
    },
  });
}
