import { BoothRegistrationSchema } from './booth-registration.entity.ts';
import { JointBoothSchema } from './joint-booth.entity.ts';
import { TradeFairSchema } from './trade-fair.entity.ts';

export { BoothRegistrationSchema, JointBoothSchema, TradeFairSchema };
export type { BoothRegistration, BoothRegistrationStatus } from './booth-registration.entity.ts';
export type { JointBooth } from './joint-booth.entity.ts';
export type { TradeFair } from './trade-fair.entity.ts';

/** The trade-fair module's entities, listed once for region's ORM (orm.ts). */
export const tradeFairEntities = [TradeFairSchema, JointBoothSchema, BoothRegistrationSchema];
