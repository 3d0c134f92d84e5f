import type { GraphQLResolveInfo } from 'graphql';
import type { RegionContext } from '../context.ts';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What the gateway writes into a session token. */
export type AccountGrant = {
  __typename?: 'AccountGrant';
  /** The account, such as acc-5083124978213377. */
  accountId: Scalars['ID']['output'];
  /** The sign-in address. */
  email: Scalars['String']['output'];
  /** Changes whenever the password is changed: a session issued for another generation is not renewed. */
  generation: Scalars['String']['output'];
  /** The member of a member account, such as NIWE:m-42. */
  memberId?: Maybe<Scalars['ID']['output']>;
  /** True while the account's password is a one-time password an office set (resetAccountPassword): the session may only change it and read its account (gateway/policy.ts). */
  mustChangePassword: Scalars['Boolean']['output'];
  /** The person's name, for the portal's header. */
  name: Scalars['String']['output'];
  /** The network of a member or office account. */
  network?: Maybe<Scalars['String']['output']>;
  /** The role the session carries: member, office, or partner for a customer. */
  role: Scalars['String']['output'];
  /** The token's sub: the account id, or the customer organisation for a customer. */
  subject: Scalars['String']['output'];
};

export type ApiKeyGrant = {
  __typename?: 'ApiKeyGrant';
  keyId: Scalars['ID']['output'];
  partner: Scalars['String']['output'];
  safelist: Scalars['Boolean']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Records that a portal session was signed out (POST /auth/logout), so that renewal refuses it from now on
   * (accountSession, apiKeySession) and a copy of its cookie stops working at the token's next renewal. True when
   * it was recorded now, false when it already was.
   */
  endSession: Scalars['Boolean']['output'];
};


export type MutationEndSessionArgs = {
  endsAt: Scalars['String']['input'];
  session: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** The session grant for an account's e-mail address and password; null when either is wrong or the account is archived (the same answer, after the same work). */
  accountLogin?: Maybe<AccountGrant>;
  /** The grant of a session being renewed (gateway/sessions.ts): as now, or null when the account is archived or gone, its password was changed since the session's generation, or the session was signed out. */
  accountSession?: Maybe<AccountGrant>;
  /** The partner an API key belongs to; null for an unknown or revoked key. */
  apiKeyGrant?: Maybe<ApiKeyGrant>;
  /** The grant of a portal session signed in with an API key, being renewed (gateway/sessions.ts); null when the key was revoked or the session signed out. */
  apiKeySession?: Maybe<ApiKeyGrant>;
};


export type QueryAccountLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type QueryAccountSessionArgs = {
  accountId: Scalars['ID']['input'];
  generation: Scalars['String']['input'];
  session?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryApiKeyGrantArgs = {
  key: Scalars['String']['input'];
};


export type QueryApiKeySessionArgs = {
  keyId: Scalars['ID']['input'];
  session?: InputMaybe<Scalars['ID']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountGrant: ResolverTypeWrapper<AccountGrant>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ApiKeyGrant: ResolverTypeWrapper<ApiKeyGrant>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountGrant: AccountGrant;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ApiKeyGrant: ApiKeyGrant;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
};

export type AccountGrantResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['AccountGrant'] = ResolversParentTypes['AccountGrant']> = {
  accountId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  generation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  memberId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  mustChangePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApiKeyGrantResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['ApiKeyGrant'] = ResolversParentTypes['ApiKeyGrant']> = {
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  safelist?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  endSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationEndSessionArgs, 'endsAt' | 'session'>>;
};

export type QueryResolvers<ContextType = RegionContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accountLogin?: Resolver<Maybe<ResolversTypes['AccountGrant']>, ParentType, ContextType, RequireFields<QueryAccountLoginArgs, 'email' | 'password'>>;
  accountSession?: Resolver<Maybe<ResolversTypes['AccountGrant']>, ParentType, ContextType, RequireFields<QueryAccountSessionArgs, 'accountId' | 'generation'>>;
  apiKeyGrant?: Resolver<Maybe<ResolversTypes['ApiKeyGrant']>, ParentType, ContextType, RequireFields<QueryApiKeyGrantArgs, 'key'>>;
  apiKeySession?: Resolver<Maybe<ResolversTypes['ApiKeyGrant']>, ParentType, ContextType, RequireFields<QueryApiKeySessionArgs, 'keyId'>>;
};

export type Resolvers<ContextType = RegionContext> = {
  AccountGrant?: AccountGrantResolvers<ContextType>;
  ApiKeyGrant?: ApiKeyGrantResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

