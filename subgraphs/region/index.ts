import { resolve } from 'node:path';
import { ConfigError, envInteger, envOptional, envPort, envString, envUrl, serviceUrlVariable } from '../../shared/config.ts';
import { runService } from '../../shared/main.ts';
import { subgraphSecret } from '../../shared/signature.ts';
import { networks } from '../../shared/networks.ts';
import { defaultDispatcherOptions } from './inquiries/dispatcher.ts';
import { webhookKeyFromEnv } from './inquiries/webhook-secrets.ts';
import { createRegionService, defaultInquiryOptions, defaultSearchCountLimit } from './server.ts';

await runService('region subgraph', envPort('PORT', 4004), envString('HOST', '127.0.0.1'), async () => {
  const networkUrls = Object.fromEntries(networks.map((n) => [n.code, envUrl(serviceUrlVariable(n.code), `http://localhost:${n.port}`)]));
  const timeout = Number(envString('NETWORK_TIMEOUT_MS', '2000'));
  if (!Number.isInteger(timeout) || timeout < 50) throw new ConfigError(`NETWORK_TIMEOUT_MS must be a whole number of milliseconds, at least 50.`);
  const secret = subgraphSecret('region');
  const networkSecrets = Object.fromEntries(networks.map((n) => [n.code, subgraphSecret(n.code)]));
  const databaseUrl = envOptional('REGION_DATABASE_URL') ?? envOptional('DATABASE_URL');
  if (!databaseUrl) throw new ConfigError('Set DATABASE_URL (or REGION_DATABASE_URL) to the region database (API keys).');
  const inquiries = {
    attachmentsDir: resolve(envOptional('ATTACHMENTS_DIR') ?? defaultInquiryOptions.attachmentsDir),
    attachmentMaxBytes: envInteger('ATTACHMENT_MAX_BYTES', defaultInquiryOptions.attachmentMaxBytes, 1),
    allowLoopbackWebhooks: process.env.WEBHOOK_ALLOW_LOOPBACK === '1',
    dispatcher: {
      ...defaultDispatcherOptions,
      intervalMs: envInteger('WEBHOOK_POLL_MS', defaultDispatcherOptions.intervalMs, 10),
      backoffMs: envInteger('WEBHOOK_BACKOFF_MS', defaultDispatcherOptions.backoffMs, 10),
      maxAttempts: envInteger('WEBHOOK_MAX_ATTEMPTS', defaultDispatcherOptions.maxAttempts, 1),
    },
  };
  // 0 counts every hit exactly, however broad the search.
  const countLimit = envInteger('SEARCH_COUNT_LIMIT', defaultSearchCountLimit, 0);
  const webhookKey = webhookKeyFromEnv(process.env);
  return createRegionService({ networkUrls, networkTimeoutMs: timeout, secret, networkSecrets, webhookKey, databaseUrl, inquiries, searchCountLimit: countLimit === 0 ? null : countLimit });
});
