// The inquiry flow's entities, listed once for region's ORM (orm.ts).
import { AttachmentSchema } from './attachment.entity.ts';
import { ConsortiumPartnerSchema, ConsortiumSchema } from './consortium.entity.ts';
import { InquirySchema, InvitationSchema, InviteeProposalSchema } from './inquiry.entity.ts';
import { QuoteRevisionSchema, QuoteSchema } from './quote.entity.ts';
import { OutboxEventSchema, WebhookDeliverySchema, WebhookSchema } from './webhook.entity.ts';

export { AttachmentSchema, type Attachment } from './attachment.entity.ts';
export { ConsortiumPartnerSchema, ConsortiumSchema, type Consortium, type ConsortiumPartner } from './consortium.entity.ts';
export { InquirySchema, InvitationSchema, InviteeProposalSchema, type Inquiry, type InquiryQuantity, type Invitation, type InviteeProposal } from './inquiry.entity.ts';
export { QuoteRevisionSchema, QuoteSchema, type PriceTier, type Quote, type QuoteRevision } from './quote.entity.ts';
export { OutboxEventSchema, WebhookDeliverySchema, WebhookSchema, type OutboxEvent, type Webhook, type WebhookDelivery } from './webhook.entity.ts';

export const inquiryEntities = [
  InquirySchema,
  InvitationSchema,
  InviteeProposalSchema,
  QuoteSchema,
  QuoteRevisionSchema,
  ConsortiumSchema,
  ConsortiumPartnerSchema,
  AttachmentSchema,
  OutboxEventSchema,
  WebhookSchema,
  WebhookDeliverySchema,
];
