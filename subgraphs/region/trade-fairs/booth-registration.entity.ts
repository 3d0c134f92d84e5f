import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { JointBoothSchema } from './joint-booth.entity.ts';

export const boothRegistrationStatuses = ['PENDING', 'CONFIRMED', 'DECLINED', 'CANCELLED'] as const;
export type BoothRegistrationStatus = (typeof boothRegistrationStatuses)[number];
/** The statuses that hold area on the booth: a pending registration keeps its place until the organiser decides. */
export const holdingArea: readonly BoothRegistrationStatus[] = ['PENDING', 'CONFIRMED'];

// A member's registration for a joint booth: the area it wants, the products
// it shows and the person to contact at the booth. Confirmed ones are the
// booth's exhibitors, its catalogue and its cost split.
export const BoothRegistrationSchema = defineEntity({
  name: 'BoothRegistration',
  extends: RandomIdBase,
  properties: {
    booth: () => p.manyToOne(JointBoothSchema).deleteRule('cascade').foreignKeyName('booth_registration_booth_id_fkey'),
    /** The exhibiting member's global id (NIWE:m-42). */
    memberId: p.string().length(40),
    memberNetwork: p.string().length(20),
    areaM2: p.integer(),
    products: p.json<string[]>(),
    contactName: p.string().length(200),
    contactEmail: p.string().length(254),
    contactPhone: p.string().length(40).nullable(),
    status: p.enum(boothRegistrationStatuses).columnType('varchar(20)').default('PENDING'),
    registeredBy: p.string().length(200).nullable(),
    decidedAt: p.datetime().nullable(),
    decidedBy: p.string().length(200).nullable(),
    declineReason: p.string().length(500).nullable(),
  },
  checks: [{ name: 'booth_registration_area_check', expression: `"area_m2" > 0` }],
  indexes: [
    { name: 'booth_registration_booth_idx', properties: ['booth', 'status'] },
    // One pending or confirmed registration per member and booth: registering twice is refused by the database, also in a race.
    {
      name: 'booth_registration_active_member_idx',
      expression: `create unique index "booth_registration_active_member_idx" on "booth_registration" ("booth_id", "member_id") where "status" in ('PENDING', 'CONFIRMED')`,
    },
  ],
});

export type BoothRegistration = InferEntity<typeof BoothRegistrationSchema>;
