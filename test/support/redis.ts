import { spawn } from 'node:child_process';
import { freePort } from './free-port.ts';

/** A throwaway redis-server of Debian's (.ci/run installs it) on a free loopback port, no persistence. */
export async function startRedis(): Promise<{ url: string; kill(): void }> {
  const port = await freePort();
  // spawnLeashed runs Node scripts only; the caller kills this child in its afterAll.
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not get ready:\n${output}`)), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { url: `redis://127.0.0.1:${port}`, kill: () => child.kill('SIGKILL') };
}
