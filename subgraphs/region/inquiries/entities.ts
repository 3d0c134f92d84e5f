// The inquiry flow's entities, one per file, listed once for region's ORM (orm.ts).
import { AttachmentSchema } from './attachment.entity.ts';
import { ConsortiumPartnerSchema } from './consortium-partner.entity.ts';
import { ConsortiumSchema } from './consortium.entity.ts';
import { InquirySchema } from './inquiry.entity.ts';
import { InvitationSchema } from './invitation.entity.ts';
import { InviteeProposalSchema } from './invitee-proposal.entity.ts';
import { OutboxEventSchema } from './outbox-event.entity.ts';
import { QuoteRevisionSchema } from './quote-revision.entity.ts';
import { QuoteSchema } from './quote.entity.ts';
import { WebhookDeliverySchema } from './webhook-delivery.entity.ts';
import { WebhookSchema } from './webhook.entity.ts';

export { AttachmentSchema, type Attachment } from './attachment.entity.ts';
export { ConsortiumPartnerSchema, type ConsortiumPartner } from './consortium-partner.entity.ts';
export { ConsortiumSchema, type Consortium } from './consortium.entity.ts';
export { InquirySchema, type Inquiry, type InquiryQuantity, type InquiryStatus } from './inquiry.entity.ts';
export { InvitationSchema, type Invitation } from './invitation.entity.ts';
export { InviteeProposalSchema, type InviteeProposal } from './invitee-proposal.entity.ts';
export { OutboxEventSchema, type OutboxEvent } from './outbox-event.entity.ts';
export { QuoteRevisionSchema, type QuoteRevision } from './quote-revision.entity.ts';
export { QuoteSchema, type PriceTier, type Quote } from './quote.entity.ts';
export { WebhookDeliverySchema, type WebhookDelivery } from './webhook-delivery.entity.ts';
export { WebhookSchema, type Webhook } from './webhook.entity.ts';

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
