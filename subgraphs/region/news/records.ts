import type { NewsView } from '../../../shared/news/items.ts';
import type { RegistrationView } from '../../../shared/news/registrations.ts';

// Items and registrations as the networks' internal API answers them (times
// as ISO strings); region's own are turned into the same shape, so one set of
// resolvers serves both.

export const newsRecordFields =
  'localId kind title text visibility publishedAt startsAt endsAt place registrationLimit registrationDeadline registered waiting';
/** With what internal API 1.7 added: asked of a network not known to serve less (feed.ts askNews). */
export const correctedRecordFields = `${newsRecordFields} updatedAt withdrawnAt`;
export const registrationRecordFields = 'localId eventLocalId memberId participant email status waitingPosition createdAt';

type Iso<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
/** updatedAt and withdrawnAt are absent from a network of internal API before 1.7, and from the feed's pages. */
export type NewsRecord = Omit<Iso<NewsView>, 'updatedAt' | 'withdrawnAt'> & { updatedAt?: string | null; withdrawnAt?: string | null };
export type RegistrationRecord = Iso<RegistrationView>;
/** A registration with the database that holds it: a network's code or REGION. */
export type SourcedRegistration = RegistrationRecord & { source: string };

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function toRecord(v: NewsView): NewsRecord {
  return {
    ...v,
    publishedAt: v.publishedAt.toISOString(),
    startsAt: iso(v.startsAt),
    endsAt: iso(v.endsAt),
    registrationDeadline: iso(v.registrationDeadline),
    updatedAt: iso(v.updatedAt),
    withdrawnAt: iso(v.withdrawnAt),
  };
}

export function toRegistrationRecord(v: RegistrationView): RegistrationRecord {
  return { ...v, createdAt: v.createdAt.toISOString() };
}
