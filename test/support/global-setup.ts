import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';
import { startEmbeddedPostgres } from '../../shared/postgres.ts';
import { prepareTemplates, type Templates } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL; every test file creates its own databases on it. */
    postgresUrl: string;
    /** Migrated databases on it that test stacks copy (project e2e only; test/support/templates.ts). */
    templates: Templates | undefined;
    /** A folder of this run for what its files make once and share (the browser tests' DATA_DIR template, test/support/browser.ts). */
    runDir: string;
  }
}

// One real PostgreSQL for the run: the embedded one, unless DATABASE_URL names a server to use instead.
export default async function setup(project: TestProject) {
  const runDir = mkdtempSync(join(tmpdir(), 'irm-run-'));
  project.provide('runDir', runDir);
  const removeRunDir = () => rmSync(runDir, { recursive: true, force: true });
  // The one-host stacks of project e2e copy them; the hosts project deploys its own databases.
  const provideTemplates = async (url: string) => project.provide('templates', project.name === 'e2e' ? await prepareTemplates(url) : undefined);
  if (process.env.DATABASE_URL) {
    project.provide('postgresUrl', process.env.DATABASE_URL);
    await provideTemplates(process.env.DATABASE_URL);
    return removeRunDir;
  }
  const base = mkdtempSync(join(tmpdir(), 'irm-test-'));
  const server = await startEmbeddedPostgres(join(base, 'pg'), await freePort(), { persistent: false });
  project.provide('postgresUrl', server.url);
  await provideTemplates(server.url);
  return async () => {
    await server.stop();
    rmSync(base, { recursive: true, force: true });
    removeRunDir();
  };
}
