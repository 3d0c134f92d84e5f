import { badInput } from '../../shared/errors.ts';
import { memberGlobalId, parseMemberId } from '../../shared/ids.ts';
import { memberTypeName } from '../../shared/networks.ts';

// Region's ids: one codec for every kind, each with its prefix (inq-, q-,
// con-, att-, wh- in the inquiry flow, cap-, bk- in the capacity exchange, k-
// for API keys, rel- for business relationships, acc- for portal accounts). The number is random (16 digits since
// Migration20261201100100_random_ids; older rows keep their small ones), so an
// id cannot be guessed from another. Members' ids are the networks'
// (shared/ids.ts); region only turns them into references.

/** A local id as the API writes it: 1 to 16 digits, a safe integer. */
const localIdPattern = '[1-9][0-9]{0,15}';

function parseLocalId(digits: string): number | null {
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
      if (!local) throw badInput(field, `${field} "${id.slice(0, 30)}" is not ${kind} id; they look like ${prefix}-5083124978213377.`, { reason: 'NOT_AN_ID' });
      return local;
    },
  };
}

const inquiry = idCodec('inq', 'an inquiry');
const quote = idCodec('q', 'a quote');
const consortium = idCodec('con', 'a consortium');
const attachment = idCodec('att', 'an attachment');
const webhook = idCodec('wh', 'a webhook');
const post = idCodec('cap', 'a capacity post');
const booking = idCodec('bk', 'a booking');
const apiKey = idCodec('k', 'an API key');
const relationship = idCodec('rel', 'a business relationship');
const account = idCodec('acc', 'an account');
const tradeFair = idCodec('tf', 'a trade fair');
const booth = idCodec('jb', 'a joint booth');
const boothRegistration = idCodec('br', 'a booth registration');

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
export const postId = post.format;
export const parsePostId = post.parse;
export const bookingId = booking.format;
export const parseBookingId = booking.parse;
export const apiKeyId = apiKey.format;
export const parseApiKeyId = apiKey.parse;
export const relationshipId = relationship.format;
export const parseRelationshipId = relationship.parse;
export const accountId = account.format;
export const parseAccountId = account.parse;
export const tradeFairId = tradeFair.format;
export const parseTradeFairId = tradeFair.parse;
export const boothId = booth.format;
export const parseBoothId = booth.parse;
export const boothRegistrationId = boothRegistration.format;
export const parseBoothRegistrationId = boothRegistration.parse;

/** The reference the gateway resolves at the member's network. */
export function memberRef(network: string, localId: number) {
  return { __typename: memberTypeName(network), id: memberGlobalId(network, localId) };
}

/** What region returns for a member: the gateway fetches the rest from the owning network. */
export type MemberRef = ReturnType<typeof memberRef>;

/** The reference for a global member id such as NIWE:m-42. */
export function memberRefById(memberId: string) {
  const { network, localId } = parseMemberId(memberId);
  return memberRef(network.code, localId);
}

/** Ids are random: lists in the order of creation sort by time, the id breaking ties. */
export const oldestFirst = { orderBy: { createdAt: 'asc', id: 'asc' } } as const;
