import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireSignedIn } from '../../../shared/identity.ts';
import type { RegionContext } from '../context.ts';
import { oldestFirst, parseWebhookId, webhookId } from '../ids.ts';
import { pageSize } from '../pages.ts';
import { WebhookSchema, type Webhook, type WebhookDelivery } from './entities.ts';
import { deleteWebhook, ownedWhere, registerWebhook, webhookOwner } from './webhooks.ts';

// Webhooks of the inquiry flow: registered by members, offices and partners, with their recent deliveries.

export const webhookResolvers = {
  Query: {
    webhooks(_: unknown, __: unknown, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      return ctx.em.find(WebhookSchema, ownedWhere(ctx.identity), oldestFirst);
    },
  },
  Mutation: {
    async registerWebhook(_: unknown, args: { url: string; events: string[]; memberId?: string | null }, ctx: RegionContext) {
      const owner = await webhookOwner(ctx, args.memberId);
      return registerWebhook(ctx.em, ctx.identity, owner, args.url, args.events, ctx.allowLoopbackWebhooks, ctx.webhookKey);
    },
    deleteWebhook(_: unknown, args: { id: string }, ctx: RegionContext) {
      requireSignedIn(ctx.identity);
      return deleteWebhook(ctx.em, ctx.identity, parseWebhookId(args.id));
    },
  },
  Webhook: {
    id: (w: Webhook) => webhookId(w.id),
    createdAt: (w: Webhook) => w.createdAt.toISOString(),
    deliveries: (w: Webhook, args: { first?: number | null }, ctx: RegionContext) => ctx.inquiryLoaders.deliveries(pageSize(args.first, 100)).load(w.id),
  },
  WebhookDelivery: {
    nextAttemptAt: (d: WebhookDelivery) => d.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: (d: WebhookDelivery) => d.deliveredAt?.toISOString() ?? null,
  },
} as GraphQLResolverMap<unknown>;
