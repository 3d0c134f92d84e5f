import { initOrm, SqlCounter } from '../../shared/orm.ts';
import {
  ApiKeySchema,
  AttachmentSchema,
  AvailabilitySchema,
  CapacityBookingSchema,
  CapacityPostSchema,
  ConsortiumPartnerSchema,
  ConsortiumSchema,
  IdempotencyKeySchema,
  InquirySchema,
  InvitationSchema,
  InviteeProposalSchema,
  OutboxEventSchema,
  QuoteRevisionSchema,
  QuoteSchema,
  RegionAuditEntrySchema,
  WebhookDeliverySchema,
  WebhookSchema,
} from './entities/index.ts';
import { regionMigrations } from './migrations/index.ts';

/** Region's own database (irm_region): what belongs to the cooperation, such as the capacity exchange, customer inquiries and partners' API keys. */
export function initRegionOrm(clientUrl: string, webhookKey: Buffer, counter = new SqlCounter()) {
  return initOrm({ clientUrl, entities: [
      CapacityPostSchema,
      CapacityBookingSchema,
      AvailabilitySchema,
      ApiKeySchema,
      InquirySchema,
      InvitationSchema,
      QuoteSchema,
      QuoteRevisionSchema,
      ConsortiumSchema,
      ConsortiumPartnerSchema,
      AttachmentSchema,
      IdempotencyKeySchema,
      OutboxEventSchema,
      WebhookSchema,
      WebhookDeliverySchema,
      RegionAuditEntrySchema,
      InviteeProposalSchema,
    ], migrations: regionMigrations(webhookKey), counter });
}
