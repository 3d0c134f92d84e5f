import { defineConfig } from 'vitest/config';
import suite from '../../vitest.config.ts';

// The suite's own configuration (its global setup starts the embedded PostgreSQL, as in `npm test`)
// restricted to the gate's fixtures, which the suite itself never runs.
export default defineConfig({ ...suite, test: { ...suite.test, include: ['test/gate/*.fixture.ts'] } });
