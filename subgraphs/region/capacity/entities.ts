// The capacity exchange's entities, listed once for region's ORM (orm.ts).
import { AvailabilitySchema } from './availability.entity.ts';
import { CapacityBookingSchema } from './capacity-booking.entity.ts';
import { CapacityPostSchema } from './capacity-post.entity.ts';

export { AvailabilitySchema, type Availability, type AvailabilityStatus } from './availability.entity.ts';
export { CapacityBookingSchema, holdingStatuses, type BookingStatus, type CapacityBooking } from './capacity-booking.entity.ts';
export { cadSystems, CapacityPostSchema, type CadSystem, type CapacityPost, type CapacitySide } from './capacity-post.entity.ts';

export const capacityEntities = [CapacityPostSchema, CapacityBookingSchema, AvailabilitySchema];
