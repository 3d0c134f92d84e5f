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
  type Attachment,
  type Consortium,
  type ConsortiumPartner,
  type Invitation,
  type InviteeProposal,
  type Quote,
  type QuoteRevision,
} from './entities.ts';
import { oldestFirst } from '../ids.ts';

// One set of loaders per request (like the network's loaders.ts): a list of
// inquiries costs one statement per field for the whole list, never one per
// inquiry. Each loader reads everything of its parents; the resolver keeps
// what the caller's view of the inquiry shows (inquiries/access.ts).

export type InquiryLoaders = ReturnType<typeof createInquiryLoaders>;

export function createInquiryLoaders(em: EntityManager) {
  return {
    invitations: new DataLoader<number, Invitation[]>(async (ids) =>
      groupBy(ids, await em.find(InvitationSchema, { inquiryId: { $in: [...ids] } }, { orderBy: { score: 'desc nulls last', id: 'asc' } }), (i) => i.inquiryId),
    ),
    proposals: new DataLoader<number, InviteeProposal[]>(async (ids) =>
      groupBy(ids, await em.find(InviteeProposalSchema, { inquiryId: { $in: [...ids] } }, oldestFirst), (p) => p.inquiryId),
    ),
    quotes: new DataLoader<number, Quote[]>(async (ids) => groupBy(ids, await em.find(QuoteSchema, { inquiryId: { $in: [...ids] } }, oldestFirst), (q) => q.inquiryId)),
    revisions: new DataLoader<number, QuoteRevision[]>(async (ids) =>
      groupBy(ids, await em.find(QuoteRevisionSchema, { quoteId: { $in: [...ids] } }, { orderBy: { revision: 'asc' } }), (r) => r.quoteId),
    ),
    attachments: new DataLoader<number, Attachment[]>(async (ids) =>
      groupBy(ids, await em.find(AttachmentSchema, { inquiryId: { $in: [...ids] } }, oldestFirst), (a) => a.inquiryId),
    ),
    consortium: new DataLoader<number, Consortium | null>(async (ids) => {
      const byId = new Map((await em.find(ConsortiumSchema, { id: { $in: [...ids] } })).map((c) => [c.id, c]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    partners: new DataLoader<number, ConsortiumPartner[]>(async (ids) =>
      groupBy(ids, await em.find(ConsortiumPartnerSchema, { consortiumId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (p) => p.consortiumId),
    ),
  };
}

function groupBy<T>(ids: readonly number[], rows: T[], parent: (row: T) => number): T[][] {
  const groups = new Map<number, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(parent(row))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
