import { badInput } from '../../../shared/errors.ts';

// Ids of the inquiry flow, with a prefix per kind: inq-12, q-3, con-4, att-9, wh-2.

function idCodec(prefix: string, kind: string) {
  const pattern = new RegExp(`^${prefix}-([1-9][0-9]{0,9})$`);
  return {
    format: (id: number) => `${prefix}-${id}`,
    parse(id: string, field = 'id'): number {
      const match = pattern.exec(id);
      if (!match) throw badInput(field, `${field} "${id.slice(0, 30)}" is not ${kind} id; they look like ${prefix}-12.`);
      return Number(match[1]);
    },
  };
}

const inquiry = idCodec('inq', 'an inquiry');
const quote = idCodec('q', 'a quote');
const consortium = idCodec('con', 'a consortium');
const attachment = idCodec('att', 'an attachment');
const webhook = idCodec('wh', 'a webhook');

export const inquiryId = inquiry.format;
export const parseInquiryId = inquiry.parse;
export const quoteId = quote.format;
export const parseQuoteId = quote.parse;
export const consortiumId = consortium.format;
export const parseConsortiumId = consortium.parse;
export const attachmentId = attachment.format;
export const parseAttachmentId = attachment.parse;
export const webhookId = webhook.format;
export const parseWebhookId = webhook.parse;
