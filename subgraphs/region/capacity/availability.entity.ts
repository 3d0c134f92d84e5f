import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

// A member's simple availability status, visible to the whole region.
export const AvailabilitySchema = defineEntity({
  name: 'Availability',
  properties: {
    memberId: p.string().length(40).primary(),
    network: p.string().length(20),
    status: p.string().length(20),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export type Availability = InferEntity<typeof AvailabilitySchema>;
