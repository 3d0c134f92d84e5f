import { defineEntity, p } from '@mikro-orm/core';

// What every record the API names by id has (inq-…, q-…, con-…, att-…, wh-…,
// cap-…, bk-…, k-…): a random id and the time it was created.
export const RandomIdBase = defineEntity({
  name: 'RandomIdEntity',
  abstract: true,
  properties: {
    /** 52 random bits set by the database (Migration20261201100100_random_ids), so inq-13 cannot be guessed from inq-12. */
    id: p.bigint('number').primary().autoincrement(false).defaultRaw('random_id()'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
