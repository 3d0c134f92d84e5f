import type { ChildProcess } from 'node:child_process';
import { spawnLeashed } from '../../shared/processes.ts';
import type { Stack } from './stack.ts';
import { until } from './wait.ts';

export interface GatewayProcess {
  /** http://127.0.0.1:<port>, without /graphql. */
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

/** `node gateway/index.ts` as its own process on a test stack's subgraphs, with their secrets and `env` on top. */
export async function startGatewayProcess(stack: Stack, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const all: Record<string, string> = { ...(process.env as Record<string, string>), PORT: '0', JWT_SECRET: 'g'.repeat(32), REGION_URL: stack.regionUrl };
  for (const [code, url] of Object.entries(stack.networkUrls)) all[`${code}_URL`] = url;
  for (const [name, secret] of Object.entries(stack.subgraphSecrets)) all[`${name.toUpperCase()}_SUBGRAPH_SECRET`] = secret;
  const child = spawnLeashed(['gateway/index.ts'], { env: { ...all, ...env } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = () => /listening on (http:\/\/\S+)\/graphql/.exec(output);
  try {
    await until(() => listening() !== null || child.exitCode !== null, 'the gateway process listens');
  } catch (error) {
    // Not left running for the next files of this test worker (vitest.config.ts).
    child.kill();
    throw error;
  }
  const match = listening();
  if (!match) throw new Error(`the gateway process did not start:\n${output}`);
  return { url: match[1], child, exited, output: () => output };
}
