import type { Resolvers } from '../generated/resolvers-types.ts';
import { requireSignedIn } from '../../../shared/identity.ts';
import { oldestFirst, parseWebhookId, webhookId } from '../ids.ts';
import { pageSize } from '../pages.ts';
import { WebhookSchema } from './entities.ts';
import { deleteWebhook, ownedWhere, registerWebhook, webhookOwner } from './webhooks.ts';

// Webhooks of the inquiry flow: registered by members, offices and partners, with their recent deliveries.

export const webhookResolvers: Resolvers = {
  Query: {
    webhooks(_, __, ctx) {
      requireSignedIn(ctx.identity);
      return ctx.em.find(WebhookSchema, ownedWhere(ctx.identity), oldestFirst);
    },
  },
  Mutation: {
    async registerWebhook(_, args, ctx) {
      const owner = await webhookOwner(ctx, args.memberId);
      return registerWebhook(ctx.em, ctx.identity, owner, args.url, args.events, ctx.allowLoopbackWebhooks, ctx.webhookKey);
    },
    deleteWebhook(_, args, ctx) {
      requireSignedIn(ctx.identity);
      return deleteWebhook(ctx.em, ctx.identity, parseWebhookId(args.id));
    },
  },
  Webhook: {
    id: (w) => webhookId(w.id),
    createdAt: (w) => w.createdAt.toISOString(),
    deliveries: (w, args, ctx) => ctx.inquiryLoaders.deliveries(pageSize(args.first, 100)).load(w.id),
  },
  WebhookDelivery: {
    eventId: (d) => d.event.id,
    nextAttemptAt: (d) => d.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: (d) => d.deliveredAt?.toISOString() ?? null,
  },
};
