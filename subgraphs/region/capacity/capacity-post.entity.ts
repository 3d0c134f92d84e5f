import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// An offer of free capacity or a request for capacity, posted by a member.
export const CapacityPostSchema = defineEntity({
  name: 'CapacityPost',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    side: p.string().length(10),
    memberId: p.string().length(40),
    network: p.string().length(20),
    kind: p.string().length(20),
    cadSystem: p.string().length(30).nullable(),
    processCode: p.string().length(20).nullable(),
    machine: p.string().length(200).nullable(),
    workEnvelope: p.string().length(200).nullable(),
    hours: p.integer(),
    // Hours held by requested and confirmed bookings; a check constraint keeps it within hours.
    bookedHours: p.integer().default(0),
    fromDate: p.string().columnType('date'),
    toDate: p.string().columnType('date'),
    postalCode: p.string().length(5),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    pricePerHour: p.decimal().nullable(),
    notes: p.text().nullable(),
    status: p.string().length(20).default('OPEN'),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type CapacityPost = InferEntity<typeof CapacityPostSchema>;
