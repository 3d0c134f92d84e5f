import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const availabilityStatuses = ['LOOKING_FOR_WORK', 'NORMAL', 'AT_CAPACITY'] as const;
export type AvailabilityStatus = (typeof availabilityStatuses)[number];

// A member's simple availability status, visible to the whole region.
export const AvailabilitySchema = defineEntity({
  name: 'Availability',
  properties: {
    memberId: p.string().length(40).primary(),
    network: p.string().length(20),
    status: p.enum(availabilityStatuses).columnType('varchar(20)'),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export type Availability = InferEntity<typeof AvailabilitySchema>;
