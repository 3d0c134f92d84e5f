import type { GraphQLResolveInfo } from 'graphql';
import type { Member as MemberModel, Certification as CertificationModel, Service as ServiceModel, ContactPerson as ContactPersonModel } from '../entities/index.ts';
import type { MemberLocation as MemberLocationModel, NetworkContext } from '../resolvers.ts';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A management-system or product certificate a member holds, for example ISO 9001 (quality) or IATF 16949 (automotive quality). */
export type Certification = {
  __typename?: 'Certification';
  /** Days from today (the region's day, in Berlin) to validUntil: 0 on its last valid day, negative once it ran out. */
  daysLeft: Scalars['Int']['output'];
  /** The certificate's number as issued by the certification body; null when not given. */
  number?: Maybe<Scalars['String']['output']>;
  /** The standard, canonical spelling, for example ISO 9001, IATF 16949, ISO 14001, EN 9100. */
  standard: Scalars['String']['output'];
  /** True while validUntil is today or later. */
  valid: Scalars['Boolean']['output'];
  /** ISO date, YYYY-MM-DD. */
  validUntil: Scalars['String']['output'];
};

/** A person to contact at a member company. Personal data: only signed-in callers see contact persons, and those of an archived member only its network's office, admin and the member itself. */
export type ContactPerson = {
  __typename?: 'ContactPerson';
  /** E-mail address; null when not given. */
  email?: Maybe<Scalars['String']['output']>;
  /** Global id of the contact person, for example NIWE:c-12. */
  id: Scalars['ID']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** Telephone number as written by the office, for example +49 5651 12345; null when not given. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Role in the company, for example Vertrieb (sales) or Geschäftsführung (management); null when not given. */
  role?: Maybe<Scalars['String']['output']>;
};

/** A point on the earth in WGS 84 degrees, as GPS and web maps use. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** Degrees north, -90..90; Germany lies between about 47.3 and 55.1. */
  latitude: Scalars['Float']['output'];
  /** Degrees east, -180..180; Germany lies between about 5.9 and 15.0. */
  longitude: Scalars['Float']['output'];
};

/** A member company. Each network contributes its own implementation (NiweMember, ...). */
export type Member = {
  /** ISO timestamp of archiving: the company has left its network. Archived members leave the member lists (search, a network's members, the export); the profile stays readable by id, its contact persons only to its network's office, admin and the member itself. */
  archivedAt?: Maybe<Scalars['String']['output']>;
  /** Certificates held, valid and expired, each with its validity date. */
  certifications: Array<Certification>;
  /** Town or city of the company's site. */
  city: Scalars['String']['output'];
  /** Contact persons are personal data: empty for anonymous callers, listed for every signed-in caller (partner, member, office, customer, admin); of an archived member only for its network's office, admin and the member itself, empty for everyone else. */
  contacts: Array<ContactPerson>;
  /** ISO 8601 timestamp (UTC) of when the member was created. */
  createdAt: Scalars['String']['output'];
  /** What the company does, in its own words (up to 5000 characters); null when not given. */
  description?: Maybe<Scalars['String']['output']>;
  /** Number of employees; null when the company has not said. */
  employees?: Maybe<Scalars['Int']['output']>;
  /** Global id that names the owning network, for example NIWE:m-42. */
  id: Scalars['ID']['output'];
  /** WGS 84 coordinates of the site: given by the office or taken from the postal code; null when neither is known. */
  location?: Maybe<GeoPoint>;
  /** Materials the company works, canonical names such as S235JR (structural steel), 1.4301 (stainless steel), AlMg3, PA6. */
  materials: Array<Scalars['String']['output']>;
  /** The company's name as registered, for example Werra Zerspanung GmbH (1..200 characters). */
  name: Scalars['String']['output'];
  /** The network the company is a member of. */
  network: Network;
  /** German postal code (Postleitzahl), five digits, for example 37269. */
  postalCode: Scalars['String']['output'];
  /** The manufacturing processes the company masters, from the DIN 8580 hierarchy. */
  processes: Array<Process>;
  /** What the company offers customers. */
  services: Array<Service>;
  /** Street and house number; null when not given. */
  street?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp (UTC) of the member's last change. */
  updatedAt: Scalars['String']['output'];
  /** Raised by every write to the member; pass it to updateMember to refuse a write over a change you have not seen. */
  version: Scalars['Int']['output'];
  /** http(s) URL of the company's website; null when not given. */
  website?: Maybe<Scalars['String']['output']>;
};

/** One of the region's company networks (Netzwerke), for example NIWE, each run by its own office (Netzwerkbüro). */
export type Network = {
  __typename?: 'Network';
  /** The network's code, for example NIWE. */
  code: NetworkCode;
};

/** The region's company networks, by code. */
export type NetworkCode =
  /** KONAT – Konstruktions- und Automatisierungsnetzwerk Thüringen; its office: Netzwerkbüro KONAT, Eisenach. */
  | 'KONAT'
  /** LINAT – Leichtbau- und Industrienetzwerk Nordthüringen; its office: Netzwerkbüro LINAT, Mühlhausen. */
  | 'LINAT'
  /** NIWE – Netzwerk Industrie Werra; its office: Netzwerkbüro NIWE, Eschwege. */
  | 'NIWE';

/** A member company of this network (the type is named after the network, for example NiweMember for NIWE). */
export type NetworkMember = Member & {
  __typename?: 'NetworkMember';
  /** ISO timestamp of archiving: the company has left its network. Archived members leave the member lists (search, a network's members, the export); the profile stays readable by id, its contact persons only to its network's office, admin and the member itself. */
  archivedAt?: Maybe<Scalars['String']['output']>;
  /** Certificates held, valid and expired, each with its validity date. */
  certifications: Array<Certification>;
  /** Town or city of the company's site. */
  city: Scalars['String']['output'];
  /** Contact persons are personal data: empty for anonymous callers, listed for every signed-in caller (partner, member, office, customer, admin); of an archived member only for its network's office, admin and the member itself, empty for everyone else. */
  contacts: Array<ContactPerson>;
  /** ISO 8601 timestamp (UTC) of when the member was created. */
  createdAt: Scalars['String']['output'];
  /** What the company does, in its own words (up to 5000 characters); null when not given. */
  description?: Maybe<Scalars['String']['output']>;
  /** Number of employees; null when the company has not said. */
  employees?: Maybe<Scalars['Int']['output']>;
  /** Global id that names the owning network, for example NIWE:m-42. */
  id: Scalars['ID']['output'];
  /** WGS 84 coordinates of the site: given by the office or taken from the postal code; null when neither is known. */
  location?: Maybe<GeoPoint>;
  /** Materials the company works, canonical names such as S235JR (structural steel), 1.4301 (stainless steel), AlMg3, PA6. */
  materials: Array<Scalars['String']['output']>;
  /** The company's name as registered, for example Werra Zerspanung GmbH (1..200 characters). */
  name: Scalars['String']['output'];
  /** The network the company is a member of. */
  network: Network;
  /** German postal code (Postleitzahl), five digits, for example 37269. */
  postalCode: Scalars['String']['output'];
  /** The manufacturing processes the company masters, from the DIN 8580 hierarchy. */
  processes: Array<Process>;
  /** What the company offers customers. */
  services: Array<Service>;
  /** Street and house number; null when not given. */
  street?: Maybe<Scalars['String']['output']>;
  /** ISO 8601 timestamp (UTC) of the member's last change. */
  updatedAt: Scalars['String']['output'];
  /** Raised by every write to the member; pass it to updateMember to refuse a write over a change you have not seen. */
  version: Scalars['Int']['output'];
  /** http(s) URL of the company's website; null when not given. */
  website?: Maybe<Scalars['String']['output']>;
};

/** A manufacturing process from the DIN 8580 hierarchy. */
export type Process = {
  __typename?: 'Process';
  /** For example 3.2.3. */
  code: Scalars['String']['output'];
  /** The main group, for example Trennen. */
  mainGroup: Scalars['String']['output'];
  /** For example Fräsen. */
  name: Scalars['String']['output'];
  /** Names from the main group down to this process. */
  path: Array<Scalars['String']['output']>;
};

/** What a member offers customers. */
export type Service = {
  __typename?: 'Service';
  /** Details such as machine park, sizes and batch sizes; null when not given. */
  description?: Maybe<Scalars['String']['output']>;
  /** Global id of the service, for example NIWE:s-7. */
  id: Scalars['ID']['output'];
  /** The DIN 8580 processes the service uses. */
  processes: Array<Process>;
  /** Short name of the service, for example CNC-Fräsen bis 5 Achsen (5-axis CNC milling). */
  title: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

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

/** Mapping of federation types */
export type FederationTypes = {
  NetworkMember: NetworkMember;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  NetworkMember:
    ( { __typename: 'NetworkMember' }
    & GraphQLRecursivePick<FederationTypes['NetworkMember'], {"id":true}> );
};


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Member: ( MemberModel );
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Certification: ResolverTypeWrapper<CertificationModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ContactPerson: ResolverTypeWrapper<ContactPersonModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  GeoPoint: ResolverTypeWrapper<MemberLocationModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Member: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Member']>;
  Network: ResolverTypeWrapper<{ code: string }>;
  NetworkCode: NetworkCode;
  NetworkMember: ResolverTypeWrapper<MemberModel>;
  Process: ResolverTypeWrapper<Process>;
  Service: ResolverTypeWrapper<ServiceModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Certification: CertificationModel;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  ContactPerson: ContactPersonModel;
  ID: Scalars['ID']['output'];
  GeoPoint: MemberLocationModel;
  Float: Scalars['Float']['output'];
  Member: ResolversInterfaceTypes<ResolversParentTypes>['Member'];
  Network: { code: string };
  NetworkMember: MemberModel;
  Process: Process;
  Service: ServiceModel;
};

export type CertificationResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Certification'] = ResolversParentTypes['Certification']> = {
  daysLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  standard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ContactPersonResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['ContactPerson'] = ResolversParentTypes['ContactPerson']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  __resolveType: TypeResolveFn<'NetworkMember', ParentType, ContextType>;
};

export type NetworkResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Network'] = ResolversParentTypes['Network']> = {
  code?: Resolver<ResolversTypes['NetworkCode'], ParentType, ContextType>;
};

export type NetworkMemberResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['NetworkMember'] = ResolversParentTypes['NetworkMember'], FederationReferenceType extends FederationReferenceTypes['NetworkMember'] = FederationReferenceTypes['NetworkMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['NetworkMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  archivedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  certifications?: Resolver<Array<ResolversTypes['Certification']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['ContactPerson']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  employees?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['Process']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  street?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProcessResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Process'] = ResolversParentTypes['Process']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mainGroup?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceResolvers<ContextType = NetworkContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['Process']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = NetworkContext> = {
  Certification?: CertificationResolvers<ContextType>;
  ContactPerson?: ContactPersonResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  Network?: NetworkResolvers<ContextType>;
  NetworkMember?: NetworkMemberResolvers<ContextType>;
  Process?: ProcessResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
};

