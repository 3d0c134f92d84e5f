import { initOrm, SqlCounter } from '../../shared/orm.ts';
import { ApiKeySchema, AvailabilitySchema, CapacityBookingSchema, CapacityPostSchema } from './entities/index.ts';
import { migrations } from './migrations/index.ts';

/** Region's own database (irm_region): what belongs to the cooperation, such as the capacity exchange and partners' API keys. */
export function initRegionOrm(clientUrl: string, counter = new SqlCounter()) {
  return initOrm({ clientUrl, entities: [CapacityPostSchema, CapacityBookingSchema, AvailabilitySchema, ApiKeySchema], migrations, counter });
}
