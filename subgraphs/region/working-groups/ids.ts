import { idCodec } from '../../../shared/ids.ts';

// The working groups' ids, each kind with its prefix (region's ids.ts has the
// others): random numbers drawn by the database, so one cannot be guessed from another.

export const groupIds = idCodec('wg', 'a working group');
export const membershipIds = idCodec('wgm', 'a working group membership');
export const meetingIds = idCodec('mtg', 'a meeting');
export const minutesIds = idCodec('min', 'a minutes file');
