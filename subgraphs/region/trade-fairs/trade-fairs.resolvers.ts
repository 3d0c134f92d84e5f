import type { Resolvers } from '../generated/resolvers-types.ts';
import { findNetwork } from '../../../shared/networks.ts';
import { boothId, boothRegistrationId, memberRefById, tradeFairId } from '../ids.ts';
import { requireCooperation, seesRegistration } from './access.ts';
import { costSplit, fixedCostsOf } from './costs.ts';
import { cancelBoothRegistration, confirmBoothRegistration, declineBoothRegistration, maxRegistrationsPerMember, registerForBooth } from './registrations.ts';
import { JointBoothSchema } from './entities.ts';
import { createTradeFair, fairOf, jointBooth, registrationsOf, tradeFair, tradeFairs } from './trade-fairs.ts';

/** Gateway paths of a booth's downloads (gateway/booth-exports.ts). */
const exportPath = (file: string, id: number) => `/export/${file}?booth=${boothId(id)}`;

export const tradeFairResolvers: Resolvers = {
  Query: {
    tradeFairs: (_, args, ctx) => tradeFairs(ctx, args.includePast ?? false),
    tradeFair: (_, args, ctx) => tradeFair(ctx, args.id),
    jointBooth: (_, args, ctx) => jointBooth(ctx, args.id),
  },
  Mutation: {
    createTradeFair: (_, args, ctx) => createTradeFair(ctx, args.input),
    registerForBooth: (_, args, ctx) => registerForBooth(ctx, args.boothId, args.memberId, args.input),
    confirmBoothRegistration: (_, args, ctx) => confirmBoothRegistration(ctx, args.id),
    declineBoothRegistration: (_, args, ctx) => declineBoothRegistration(ctx, args.id, args.reason),
    cancelBoothRegistration: (_, args, ctx) => cancelBoothRegistration(ctx, args.id),
  },
  TradeFair: {
    id: (f) => tradeFairId(f.fair.id),
    name: (f) => f.fair.name,
    city: (f) => f.fair.city,
    startsAt: (f) => f.fair.startsAt.toISOString(),
    endsAt: (f) => f.fair.endsAt.toISOString(),
    registrationDeadline: (f) => f.fair.registrationDeadline.toISOString(),
    registrationOpen: (f) => f.fair.registrationDeadline > new Date(),
    booth: (f) => f.booth,
    createdAt: (f) => f.fair.createdAt.toISOString(),
  },
  JointBooth: {
    id: (b) => boothId(b.id),
    fair: (b, _, ctx) => fairOf(ctx.em, b),
    organiser: (b) => (b.organiserNetwork ? (findNetwork(b.organiserNetwork) ?? null) : null),
    remainingAreaM2: (b) => b.totalAreaM2 - b.allocatedAreaM2,
    fixedCostsCents: (b) => fixedCostsOf(b),
    registrations: async (b, args, ctx) =>
      (await registrationsOf(ctx, b)).filter((r) => (!args.status || r.status === args.status) && seesRegistration(ctx.identity, b, r)),
    // From the registrations the request loads for every booth at once (registrationsOf): no statement per booth.
    registrationsLeft: async (b, _, ctx) => {
      const { role, memberId } = ctx.identity;
      if (role !== 'member' || !memberId) return null;
      const made = (await registrationsOf(ctx, b)).filter((r) => r.memberId === memberId).length;
      return Math.max(0, maxRegistrationsPerMember - made);
    },
    exhibitors: async (b, _, ctx) => {
      requireCooperation(ctx.identity);
      return (await registrationsOf(ctx, b)).filter((r) => r.status === 'CONFIRMED');
    },
    costSplit: (b, _, ctx) => costSplit(ctx, b),
    costsCsvPath: (b) => exportPath('booth-costs.csv', b.id),
    catalogueCsvPath: (b) => exportPath('booth-catalogue.csv', b.id),
    cataloguePrintPath: (b) => exportPath('booth-catalogue.html', b.id),
  },
  BoothRegistration: {
    id: (r) => boothRegistrationId(r.id),
    booth: (r, _, ctx) => ctx.em.findOneOrFail(JointBoothSchema, r.booth.id),
    member: (r) => memberRefById(r.memberId),
    network: (r) => findNetwork(r.memberNetwork)!,
    contact: (r) => ({ name: r.contactName, email: r.contactEmail, phone: r.contactPhone ?? null }),
    registeredAt: (r) => r.createdAt.toISOString(),
    decidedAt: (r) => r.decidedAt?.toISOString() ?? null,
  },
  ExhibitorCost: {
    registration: (line) => line.key,
  },
};
