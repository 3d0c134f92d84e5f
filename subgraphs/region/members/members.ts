import { assertCanWriteMember } from '../../../shared/identity.ts';
import { assertMemberExists } from '../access.ts';
import { keyedWrite } from '../network-client.ts';
import { parseContactId, parseMemberId } from '../../../shared/ids.ts';
import type { RegionContext } from '../context.ts';
import { archiveMemberAccounts } from '../accounts/accounts.ts';
import { withdrawMemberPosts } from '../capacity/posts.ts';
import { declineMemberBoothRegistrations } from '../trade-fairs/registrations.ts';
import { handLeadsToOffice } from '../working-groups/working-groups.ts';
import { endLeavingOwnersInquiries, lockLeavingMembersInquiries } from '../inquiries/inquiries.ts';
import { leaveConsortia, leaveInvitedInquiries } from '../inquiries/quotes.ts';
import { cancelMemberRegistrations } from '../news/news.resolvers.ts';
import { memberRef } from '../ids.ts';

// The other half of the network's members.ts: member writes go to the owning
// network, which applies them with their idempotency key and version in one
// transaction; region passes both on.

const writes = {
  create: `mutation($input: MemberInput!, $key: String) { createMember(input: $input, idempotencyKey: $key) { localId } }`,
  update: `mutation($localId: Int!, $input: MemberPatch!, $version: Int, $key: String) { updateMember(localId: $localId, input: $input, version: $version, idempotencyKey: $key) { localId } }`,
  archive: `mutation($localId: Int!) { archiveMember(localId: $localId) { localId } }`,
  deleteContact: `mutation($localId: Int!) { deleteContactPerson(localId: $localId) { localId } }`,
};

type Hit = { localId: number };

export async function createMember(ctx: RegionContext, args: { network: string; input: unknown; idempotencyKey?: string | null }) {
  const variables = { input: args.input, key: args.idempotencyKey ?? null };
  const data = await ctx
    .client(args.network)
    .request<{ createMember: Hit }>(writes.create, variables, ctx.identityHeader, { write: keyedWrite(args.idempotencyKey) });
  return memberRef(args.network, data.createMember.localId);
}

export async function updateMember(ctx: RegionContext, args: { id: string; input: unknown; version?: number | null; idempotencyKey?: string | null }) {
  const { network, localId } = parseMemberId(args.id);
  const variables = { localId, input: args.input, version: args.version ?? null, key: args.idempotencyKey ?? null };
  await ctx.client(network.code).request<{ updateMember: Hit }>(writes.update, variables, ctx.identityHeader, { write: keyedWrite(args.idempotencyKey) });
  return memberRef(network.code, localId);
}

export async function archiveMember(ctx: RegionContext, id: string) {
  const { network, localId } = parseMemberId(id);
  // The network's rule and answer first: region's part below runs only for a caller and a member the network takes.
  assertCanWriteMember(ctx.identity, network.code, id, 'archive');
  await assertMemberExists(ctx, id, 'id', { archived: true });
  // What it has open in region goes with it: its offers and requests are no longer booked or matched (their bookings
  // stay), the groups it leads go to its network's office, its pending booth registrations are declined (their area
  // free again), its undecided inquiries end without award (their bidders told), its quotes on others' undecided
  // inquiries are withdrawn and its invitations declined (their owners told), its places in others' consortia declined
  // (a quote made with it withdrawn, its lead told), its places at events ahead are given to
  // the waiting lists, and its people sign in no more; what was decided stays as history. Before the network's
  // archiving, so that a failure of either leaves the member in its office's list to archive again (both parts are
  // safe twice); after it, a failure here left a member archived at its network with its offers open, gone from
  // the portal's list.
  await ctx.em.transactional(async (tx) => {
    await withdrawMemberPosts(tx, id);
    await handLeadsToOffice(tx, id);
    await declineMemberBoothRegistrations(tx, ctx.identity, id);
    await lockLeavingMembersInquiries(tx, id);
    await endLeavingOwnersInquiries(tx, ctx.identity, id);
    await leaveInvitedInquiries(tx, ctx.identity, id);
    await leaveConsortia(tx, ctx.identity, id);
    await archiveMemberAccounts(tx, ctx.identity, id);
  });
  // Events live in their publisher's database, a network's most of them: each cancellation is that database's write.
  await cancelMemberRegistrations(ctx, id);
  await ctx.client(network.code).request<{ archiveMember: Hit }>(writes.archive, { localId }, ctx.identityHeader, {
    write: 'Archiving it again is safe: an archived member stays archived.',
  });
  // From now on it takes part in nothing new (access.ts), not only once the members region knows forget it.
  ctx.knownMembers.add(network.code, localId, true);
  return memberRef(network.code, localId);
}

export async function deleteContactPerson(ctx: RegionContext, id: string) {
  const { network, localId } = parseContactId(id);
  const data = await ctx.client(network.code).request<{ deleteContactPerson: Hit }>(writes.deleteContact, { localId }, ctx.identityHeader, {
    write: 'Deleting it again is safe: NOT_FOUND then means it was deleted.',
  });
  return memberRef(network.code, data.deleteContactPerson.localId);
}
