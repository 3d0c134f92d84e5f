import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AvailabilitySchema } from './entities.ts';

/** Members that never set a status are NORMAL. */
export function availabilityLoader(em: EntityManager) {
  return new DataLoader<string, string>(async (ids) => {
    const rows = await em.find(AvailabilitySchema, { memberId: { $in: [...ids] } });
    const byId = new Map(rows.map((r) => [r.memberId, r.status]));
    return ids.map((id) => byId.get(id) ?? 'NORMAL');
  });
}
