import { ConfigError, envPort, envString, envUrl, serviceUrlVariable } from '../../shared/config.ts';
import { runService } from '../../shared/main.ts';
import { subgraphSecret } from '../../shared/signature.ts';
import { networks } from '../../shared/networks.ts';
import { createRegionService } from './server.ts';

await runService('region subgraph', envPort('PORT', 4004), envString('HOST', '127.0.0.1'), async () => {
  const networkUrls = Object.fromEntries(networks.map((n) => [n.code, envUrl(serviceUrlVariable(n.code), `http://localhost:${n.port}`)]));
  const timeout = Number(envString('NETWORK_TIMEOUT_MS', '2000'));
  if (!Number.isInteger(timeout) || timeout < 50) throw new ConfigError(`NETWORK_TIMEOUT_MS must be a whole number of milliseconds, at least 50.`);
  const networkSecrets = Object.fromEntries(networks.map((n) => [n.code, subgraphSecret(n.code)]));
  return createRegionService({ networkUrls, networkTimeoutMs: timeout, secret: subgraphSecret('region'), networkSecrets });
});
