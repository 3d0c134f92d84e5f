import { Migration } from '@mikro-orm/migrations';
import { addNewsCorrections, dropNewsCorrections } from '../../../shared/news/migration.ts';

// The office corrects or withdraws what it published (shared/news/items.ts updateNews, withdrawNews).
export class Migration20261210000000_news_corrections extends Migration {
  override up(): void {
    for (const sql of addNewsCorrections) this.addSql(sql);
  }

  override down(): void {
    for (const sql of dropNewsCorrections) this.addSql(sql);
  }
}
