import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RandomIdBase } from '../base.entity.ts';
import { CapacityPostSchema } from './capacity-post.entity.ts';

export const bookingStatuses = ['REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
/** The bookings that hold their offer's hours and days. */
export const holdingStatuses: readonly BookingStatus[] = ['REQUESTED', 'CONFIRMED'];

export const CapacityBookingSchema = defineEntity({
  name: 'CapacityBooking',
  extends: RandomIdBase,
  properties: {
    offer: () => p.manyToOne(CapacityPostSchema).foreignKeyName('capacity_booking_offer_id_fkey'),
    memberId: p.string().length(40),
    network: p.string().length(20),
    hours: p.integer(),
    fromDate: p.string().columnType('date'),
    toDate: p.string().columnType('date'),
    status: p.enum(bookingStatuses).columnType('varchar(20)').default('REQUESTED'),
    reason: p.text().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'capacity_booking_hours_check', expression: `"hours" > 0` }],
  indexes: [
    { name: 'capacity_booking_offer_idx', properties: ['offer'] },
    { name: 'capacity_booking_member_idx', properties: ['memberId'] },
  ],
});

export type CapacityBooking = InferEntity<typeof CapacityBookingSchema>;
