import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

// The version of the API between region and the networks (subgraphs/network/*.internal.graphql). Each
// office updates its network service on its own schedule, so region and a network may differ:
// - the minor number grows when the API gains something (an operation, a field, an argument with a
//   default); a network of an older minor serves everything it had, and region asks it nothing newer;
// - the major number grows when something is removed or changes meaning; the two sides then refuse to work
//   together, with an error that names both versions, rather than answer wrongly.
// Region sends the version it speaks in the request's `extensions.internalApiVersion` (signed with the
// body); a network answers with the version it serves in the answer's `extensions.internalApiVersion`.
// A network that sends none is from before versions were exchanged: 1.0.
//
// 1.0  search, matchSuppliers, existing, member writes, news and events, member import (as of 2026-12-01)
// 1.1  versions exchanged
// 1.2  publishNews(idempotencyKey), ownRegistrations, partnerCandidates
// 1.3  archived
// 1.4  search(knownWords), SearchPage.heldWords; a material family's word (Edelstahl) in filter.materials and
//      requirements.material (an older network reads it as one material: nothing found, NOT_MET)
// 1.5  importMembers(skipExisting), ImportReport.skipped, ImportError.duplicateRow and existingId (an older network's
//      duplicates carry their row or member in the message alone; it cannot skip)
// 1.6  expiringCertifications
// 1.7  updateNews, withdrawNews, NewsRecord.updatedAt and withdrawnAt, ownRegistrations(ahead)
// 1.8  Hit.member: a hit's public member fields, which region answers for the gateway (MemberEdge.node's @provides)
export const internalApiVersion = '1.8';

/** What a network that sends no version serves. */
export const unversioned = '1.0';

interface Version {
  major: number;
  minor: number;
}

function parseVersion(value: string): Version | undefined {
  const match = /^(\d{1,4})\.(\d{1,4})$/.exec(value);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Whether a side serving `served` answers what a side speaking `needed` asks: same major, no older minor. */
export function serves(served: string, needed: string): boolean {
  const s = parseVersion(served);
  const n = parseVersion(needed);
  return s !== undefined && n !== undefined && s.major === n.major && s.minor >= n.minor;
}

/** Whether two versions can work together at all: the same major. */
export function sameMajor(a: string, b: string): boolean {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x !== undefined && y !== undefined && x.major === y.major;
}

/** The error both sides give when their versions do not fit; not the caller's fault, so not a client status. */
export function versionMismatch(network: string, regionVersion: string, networkVersion: string, what: string): GraphQLError {
  const served = networkVersion === unversioned ? `${unversioned} (it sends no version: from before versions were exchanged)` : networkVersion;
  return new GraphQLError(
    `Region speaks internal API ${regionVersion}, network ${network}'s service serves ${served}: ${what}. The office of ${network} updates its network service (docs/office.md), or region's operator runs a region that speaks ${networkVersion}.`,
    { extensions: { code: 'INTERNAL_API_VERSION', network, regionVersion, networkVersion } },
  );
}

/**
 * The network's side, on its internal API: refuses a region of another major version before running
 * anything (a removed or changed field would otherwise be answered wrongly or half), and names its own
 * version in every answer, so that region knows what it may ask.
 */
export function internalApiVersionPlugin(network: string): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const spoken = request.extensions?.internalApiVersion;
      return {
        async didResolveOperation() {
          if (typeof spoken === 'string' && !sameMajor(spoken, internalApiVersion)) {
            throw versionMismatch(network, spoken, internalApiVersion, 'their major versions differ, so they cannot work together');
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, internalApiVersion };
          }
        },
      };
    },
  };
}
