import { initOrm, SqlCounter } from '../../shared/orm.ts';
import { AvailabilitySchema, CapacityBookingSchema, CapacityPostSchema } from './entities/index.ts';
import { migrations } from './migrations/index.ts';

export function initRegionOrm(clientUrl: string, counter = new SqlCounter()) {
  return initOrm({ clientUrl, entities: [CapacityPostSchema, CapacityBookingSchema, AvailabilitySchema], migrations, counter });
}
