export { CapacityPostSchema, type CapacityPost } from './capacity-post.entity.ts';
export { CapacityBookingSchema, type CapacityBooking } from './capacity-booking.entity.ts';
export { AvailabilitySchema, type Availability } from './availability.entity.ts';
export { ApiKeySchema, type ApiKey } from './api-key.entity.ts';
