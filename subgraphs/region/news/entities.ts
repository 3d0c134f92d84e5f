// Region-wide news and events use the same entities as the networks' (shared/news/news.entity.ts), listed once for region's ORM (orm.ts).
export { EventRegistrationSchema, NewsItemSchema, newsEntities } from '../../../shared/news/news.entity.ts';
