import { badInput } from '../errors.ts';
import { maxNetworkLocalId } from '../ids.ts';
import { findNetwork } from '../networks.ts';

// Ids of news items and event registrations name the database that holds
// them: a network's code (NIWE:n-12, NIWE:r-3) or REGION for region-wide ones.
// Region routes every read and write by it.

export const regionSource = 'REGION';

export interface NewsRef {
  /** A network code, or REGION. */
  source: string;
  localId: number;
}

function sourceCodec(letter: string, kind: string) {
  // At most maxNetworkLocalId, an integer column of either database: a larger one reached the network's internal API
  // as a variable GraphQL's Int refuses, and the client read that API's message instead of NOT_AN_ID.
  const pattern = new RegExp(`^([A-Z]+):${letter}-([1-9][0-9]{0,9})$`);
  return {
    format: (source: string, localId: number): string => `${source}:${letter}-${localId}`,
    parse(id: string, field = 'id'): NewsRef {
      const match = pattern.exec(id);
      if (!match || Number(match[2]) > maxNetworkLocalId || (match[1] !== regionSource && !findNetwork(match[1]))) {
        throw badInput(field, `"${id.slice(0, 40)}" is not ${kind}; they look like NIWE:${letter}-12 or ${regionSource}:${letter}-12.`, {
          reason: 'NOT_AN_ID',
        });
      }
      return { source: match[1], localId: Number(match[2]) };
    },
  };
}

export const newsIds = sourceCodec('n', 'a news item or event id');
export const registrationIds = sourceCodec('r', 'an event registration id');
