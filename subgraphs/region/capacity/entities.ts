// The capacity exchange's entities, listed once for region's ORM (orm.ts).
import { AvailabilitySchema } from './availability.entity.ts';
import { CapacityBookingSchema } from './capacity-booking.entity.ts';
import { CapacityPostSchema } from './capacity-post.entity.ts';

export { AvailabilitySchema, type Availability } from './availability.entity.ts';
export { CapacityBookingSchema, type CapacityBooking } from './capacity-booking.entity.ts';
export { CapacityPostSchema, type CapacityPost } from './capacity-post.entity.ts';

export const capacityEntities = [CapacityPostSchema, CapacityBookingSchema, AvailabilitySchema];
