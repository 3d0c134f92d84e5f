import type { MikroORM } from '@mikro-orm/postgresql';
import type { ServiceMetrics } from '../../shared/metrics.ts';

// Region's outbox backlog in its metrics, read when Prometheus scrapes: events written but not yet fanned out
// to webhooks (a dispatcher that is off or stuck lets this grow), and deliveries still to make, attempts left.
// Both counts use the partial indexes the dispatcher polls by (outbox_event_pending_idx, webhook_delivery_due_idx).

export function watchOutbox(metrics: ServiceMetrics, orm: MikroORM, maxAttempts: number) {
  const count = async (sql: string, params: unknown[] = []) => {
    const [row] = await orm.em.getConnection().execute<{ n: string }[]>(sql, params);
    return Number(row?.n ?? 0);
  };
  metrics.readAtScrape('outbox_events_pending', 'Outbox events not yet fanned out to the webhooks that want them.', () =>
    count(`select count(*) as n from "outbox_event" where not "fanned_out"`),
  );
  metrics.readAtScrape('webhook_deliveries_pending', 'Webhook deliveries not yet acknowledged that have attempts left.', () =>
    count(`select count(*) as n from "webhook_delivery" where "delivered_at" is null and "attempts" < ?`, [maxAttempts]),
  );
}
