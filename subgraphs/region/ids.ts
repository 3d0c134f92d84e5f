import { badInput } from '../../shared/errors.ts';

// Ids of the inquiry flow, with a prefix per kind: inq-…, q-…, con-…, att-…, wh-….
// The number is random (16 digits since Migration20261201100100_random_ids;
// older rows keep their small ones), so an id cannot be guessed from another.

/** A local id as the API writes it: 1 to 16 digits, a safe integer. */
export const localIdPattern = '[1-9][0-9]{0,15}';

export function parseLocalId(digits: string): number | null {
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : null;
}

function idCodec(prefix: string, kind: string) {
  const pattern = new RegExp(`^${prefix}-(${localIdPattern})$`);
  return {
    format: (id: number) => `${prefix}-${id}`,
    parse(id: string, field = 'id'): number {
      const match = pattern.exec(id);
      const local = match && parseLocalId(match[1]);
      if (!local) throw badInput(field, `${field} "${id.slice(0, 30)}" is not ${kind} id; they look like ${prefix}-5083124978213377.`);
      return local;
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

/** Ids are random: lists in the order of creation sort by time, the id breaking ties. */
export const oldestFirst = { orderBy: { createdAt: 'asc', id: 'asc' } } as const;
