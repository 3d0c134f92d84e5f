import { defineConfig } from 'vitest/config';
import { endToEnd } from '../../vitest.config.ts';

// The suite's end-to-end options (their global setup starts the embedded PostgreSQL, as in `npm test`)
// restricted to the gate's fixtures, which the suite itself never runs.
export default defineConfig({ test: { ...endToEnd, include: ['test/gate/*.fixture.ts'] } });
