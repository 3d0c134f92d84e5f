import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { CapacityPostSchema } from './capacity-post.entity.ts';

export const CapacityBookingSchema = defineEntity({
  name: 'CapacityBooking',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    offer: () => p.manyToOne(CapacityPostSchema),
    memberId: p.string().length(40),
    network: p.string().length(20),
    hours: p.integer(),
    fromDate: p.string().columnType('date'),
    toDate: p.string().columnType('date'),
    status: p.string().length(20).default('REQUESTED'),
    reason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type CapacityBooking = InferEntity<typeof CapacityBookingSchema>;
