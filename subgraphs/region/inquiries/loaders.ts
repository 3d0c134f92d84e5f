import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AttachmentSchema,
  ConsortiumPartnerSchema,
  ConsortiumSchema,
  InvitationSchema,
  InviteeProposalSchema,
  QuoteRevisionSchema,
  QuoteSchema,
  WebhookDeliverySchema,
  type Attachment,
  type Consortium,
  type ConsortiumPartner,
  type Invitation,
  type InviteeProposal,
  type Quote,
  type QuoteRevision,
  type WebhookDelivery,
} from './entities.ts';
import { oldestFirst } from '../ids.ts';

// One set of loaders per request (like the network's loaders.ts): a list of
// inquiries (or webhooks) costs one statement per field for the whole list,
// never one per parent. Each loader reads everything of its parents but a
// webhook's deliveries, the newest `first`; the resolver keeps what the
// caller's view of the inquiry shows (inquiries/access.ts).

export type InquiryLoaders = ReturnType<typeof createInquiryLoaders>;

export function createInquiryLoaders(em: EntityManager) {
  return {
    invitations: new DataLoader<number, Invitation[]>(async (ids) =>
      groupBy(ids, await em.find(InvitationSchema, { inquiry: { $in: [...ids] } }, { orderBy: { score: 'desc nulls last', id: 'asc' } }), (i) => i.inquiry.id),
    ),
    proposals: new DataLoader<number, InviteeProposal[]>(async (ids) =>
      groupBy(ids, await em.find(InviteeProposalSchema, { inquiry: { $in: [...ids] } }, oldestFirst), (p) => p.inquiry.id),
    ),
    quotes: new DataLoader<number, Quote[]>(async (ids) =>
      groupBy(ids, await em.find(QuoteSchema, { inquiry: { $in: [...ids] } }, oldestFirst), (q) => q.inquiry.id),
    ),
    revisions: new DataLoader<number, QuoteRevision[]>(async (ids) =>
      groupBy(ids, await em.find(QuoteRevisionSchema, { quote: { $in: [...ids] } }, { orderBy: { revision: 'asc' } }), (r) => r.quote.id),
    ),
    attachments: new DataLoader<number, Attachment[]>(async (ids) =>
      groupBy(ids, await em.find(AttachmentSchema, { inquiry: { $in: [...ids] } }, oldestFirst), (a) => a.inquiry.id),
    ),
    consortium: new DataLoader<number, Consortium | null>(async (ids) => {
      const byId = new Map((await em.find(ConsortiumSchema, { id: { $in: [...ids] } })).map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    consortia: new DataLoader<number, Consortium[]>(async (ids) =>
      groupBy(ids, await em.find(ConsortiumSchema, { inquiry: { $in: [...ids] } }, oldestFirst), (c) => c.inquiry.id),
    ),
    partners: new DataLoader<number, ConsortiumPartner[]>(async (ids) =>
      groupBy(ids, await em.find(ConsortiumPartnerSchema, { consortium: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (p) => p.consortium.id),
    ),
    deliveries: newestDeliveries(em),
  };
}

/** The newest `first` deliveries of each webhook: one statement for all webhooks asked with the same `first`. */
function newestDeliveries(em: EntityManager): (first: number) => DataLoader<number, WebhookDelivery[]> {
  const byFirst = new Map<number, DataLoader<number, WebhookDelivery[]>>();
  return (first) => {
    let loader = byFirst.get(first);
    if (!loader) {
      // A limit per webhook rather than per statement: row_number counts each webhook's deliveries apart.
      const sql = `select * from (select *, row_number() over (partition by "webhook_id" order by "id" desc) as "place" from "webhook_delivery" where "webhook_id" in (?)) as "ranked" where "place" <= ? order by "id" desc`;
      loader = new DataLoader(async (ids) => {
        const rows = await em.getConnection().execute<Record<string, unknown>[]>(sql, [[...ids], first]);
        return groupBy(
          ids,
          rows.map((row) => em.map(WebhookDeliverySchema, row)),
          (d) => d.webhook.id,
        );
      });
      byFirst.set(first, loader);
    }
    return loader;
  };
}

function groupBy<T>(ids: readonly number[], rows: T[], parent: (row: T) => number): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(parent(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
