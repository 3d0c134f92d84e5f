import type { Resolvers } from '../generated/resolvers-types.ts';
import type { Resolvers as InternalResolvers } from '../generated/internal-resolvers-types.ts';
import { accountId } from '../ids.ts';
import { endSession } from './ended-sessions.ts';
import {
  accountLogin,
  accountSession,
  archiveAccount,
  changePassword,
  createAccount,
  listAccounts,
  myAccount,
  resetAccountPassword,
  restoreAccount,
} from './accounts.ts';

export const accountResolvers: Resolvers = {
  Query: {
    accounts: (_, args, ctx) => listAccounts(ctx, args.network, args.includeArchived ?? false),
    myAccount: (_, __, ctx) => myAccount(ctx),
  },
  Mutation: {
    createAccount: (_, args, ctx) => createAccount(ctx, args.input),
    archiveAccount: (_, args, ctx) => archiveAccount(ctx, args.id),
    changePassword: (_, args, ctx) => changePassword(ctx, args.currentPassword, args.newPassword),
    resetAccountPassword: (_, args, ctx) => resetAccountPassword(ctx, args.id),
    restoreAccount: (_, args, ctx) => restoreAccount(ctx, args.id, args.memberId),
  },
  Account: {
    id: (a) => accountId(a.id),
    createdAt: (a) => a.createdAt.toISOString(),
    passwordChangedAt: (a) => a.passwordChangedAt.toISOString(),
    archivedAt: (a) => a.archivedAt?.toISOString() ?? null,
    mustChangePassword: (a) => a.passwordResetAt != null,
  },
};

/** The internal API the gateway calls to sign a person in and to renew the session. */
export const accountInternalResolvers: InternalResolvers = {
  Query: {
    accountLogin: (_, args, ctx) => accountLogin(ctx.em, args.email, args.password),
    accountSession: (_, args, ctx) => accountSession(ctx.em, args.accountId, args.generation, args.session),
  },
  Mutation: {
    endSession: (_, args, ctx) => endSession(ctx.em, args.session, args.endsAt),
  },
};
