import { Migration } from '@mikro-orm/migrations';
import { createNewsTables, dropNewsTables } from '../../../shared/news/migration.ts';

// News and events with their registrations (shared/news/news.entity.ts).
export class Migration20261201400000_news extends Migration {
  override up(): void {
    for (const sql of createNewsTables) this.addSql(sql);
  }

  override down(): void {
    for (const sql of dropNewsTables) this.addSql(sql);
  }
}
