import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';

export const capacitySides = ['OFFER', 'REQUEST'] as const;
export const capacityKinds = ['CAD', 'MACHINE_HOURS'] as const;
export type CapacitySide = (typeof capacitySides)[number];
export const cadSystems = ['CATIA_V5', 'SIEMENS_NX', 'SOLIDWORKS', 'CREO', 'INVENTOR'] as const;
export type CadSystem = (typeof cadSystems)[number];
export const postStatuses = ['OPEN', 'WITHDRAWN'] as const;

// An offer of free capacity or a request for capacity, posted by a member.
export const CapacityPostSchema = defineEntity({
  name: 'CapacityPost',
  extends: RandomIdBase,
  properties: {
    side: p.enum(capacitySides).columnType('varchar(10)'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    kind: p.enum(capacityKinds).columnType('varchar(20)'),
    cadSystem: p.enum(cadSystems).columnType('varchar(30)').nullable(),
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
    pricePerHour: p.decimal().precision(10).scale(2).nullable(),
    notes: p.text().nullable(),
    status: p.enum(postStatuses).columnType('varchar(20)').default('OPEN'),
    version: p.integer().version(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [
    { name: 'capacity_post_hours_check', expression: `"hours" > 0` },
    // Overbooking is impossible in the database itself, whatever the code does.
    { name: 'capacity_post_booked_within_hours', expression: `"booked_hours" >= 0 and "booked_hours" <= "hours"` },
    { name: 'capacity_post_window', expression: `"to_date" >= "from_date"` },
  ],
  indexes: [
    { name: 'capacity_post_match_idx', properties: ['side', 'kind', 'status', 'fromDate', 'toDate'] },
    { name: 'capacity_post_member_idx', properties: ['memberId'] },
    { name: 'capacity_post_created_idx', properties: ['createdAt', 'id'] },
  ],
});

export type CapacityPost = InferEntity<typeof CapacityPostSchema>;
