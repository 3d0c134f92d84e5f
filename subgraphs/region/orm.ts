import { initOrm } from '../../shared/orm.ts';
import { RandomIdBase } from './base.entity.ts';
import { IdempotencyKeySchema } from './idempotency-key.entity.ts';
import { capacityEntities } from './capacity/entities.ts';
import { inquiryEntities } from './inquiries/entities.ts';
import { RegionAuditEntrySchema } from './members/audit-entry.entity.ts';
import { ApiKeySchema } from './partners/api-key.entity.ts';
import { AccountSchema } from './accounts/account.entity.ts';
import { EndedSessionSchema } from './accounts/ended-session.entity.ts';
import { regionMigrations } from './migrations/index.ts';
import { newsEntities } from './news/entities.ts';
import { BusinessRelationshipSchema } from './relationships/relationship.entity.ts';
import { workingGroupEntities } from './working-groups/entities.ts';
import { tradeFairEntities } from './trade-fairs/entities.ts';

/** Region's own database (irm_region): what belongs to the cooperation, such as the capacity exchange, customer inquiries and partners' API keys. */
export function initRegionOrm(clientUrl: string, webhookKey: Buffer, sqlDebug = false) {
  return initOrm({
    clientUrl,
    entities: [
      RandomIdBase,
      ...capacityEntities,
      ApiKeySchema,
      AccountSchema,
      EndedSessionSchema,
      ...inquiryEntities,
      IdempotencyKeySchema,
      RegionAuditEntrySchema,
      ...newsEntities,
      BusinessRelationshipSchema,
      ...workingGroupEntities,
      ...tradeFairEntities,
    ],
    migrations: regionMigrations(webhookKey),
    sqlDebug,
  });
}
