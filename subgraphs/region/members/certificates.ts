import type { Resolvers } from '../generated/resolvers-types.ts';
import type { RegionContext } from '../context.ts';
import { memberRef } from '../ids.ts';
import { daysLeft, windowDays } from '../../../shared/certificates.ts';
import { regionDay } from '../../../shared/region-day.ts';
import { pageSize } from '../pages.ts';

// Region's side of the office's follow-up list of certificates: the network reads and checks (its office or
// admin), region names each holder as a member of the graph, whose name the gateway fetches.

const expiringQuery = /* GraphQL */ `
  query Expiring($withinDays: Int!, $expiredSinceDays: Int!, $first: Int!) {
    expiringCertifications(withinDays: $withinDays, expiredSinceDays: $expiredSinceDays, first: $first) { memberId standard number validUntil }
  }
`;

interface ExpiringRow {
  memberId: number;
  standard: string;
  number: string | null;
  validUntil: string;
}

interface ExpiringArgs {
  network: string;
  withinDays?: number | null;
  expiredSinceDays?: number | null;
  first?: number | null;
}

async function expiringCertificates(ctx: RegionContext, args: ExpiringArgs) {
  // Checked here too, so that the refusal names the caller's argument before any network is asked.
  const variables = {
    withinDays: windowDays('withinDays', args.withinDays ?? 90),
    expiredSinceDays: windowDays('expiredSinceDays', args.expiredSinceDays ?? 365),
    first: pageSize(args.first, 500, 200),
  };
  const data = await ctx
    .client(args.network)
    .request<{ expiringCertifications: ExpiringRow[] }>(expiringQuery, variables, ctx.identityHeader, { since: '1.6' });
  // One today for the whole list: up to 500 rows, and none a day apart from the next across midnight.
  const today = regionDay();
  return data.expiringCertifications.map(({ memberId, ...row }) => ({
    ...row,
    member: memberRef(args.network, memberId),
    daysLeft: daysLeft(row.validUntil, today),
  }));
}

export const certificateResolvers: Resolvers = {
  Query: {
    expiringCertificates: (_, args, ctx) => expiringCertificates(ctx, args),
  },
};
