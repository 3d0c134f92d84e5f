import { join, resolve } from 'node:path';
import {
  ConfigError,
  envReader,
  loadOrExit,
  previousSubgraphSecret,
  serviceFromEnv,
  serviceUrlVariable,
  subgraphSecret,
  type Env,
  type ServiceConfig,
} from '../../shared/config.ts';
import { runService } from '../../shared/main.ts';
import { nameProcessLog, observabilityFromEnv } from '../../shared/observability.ts';
import { replayRedisUrlFromEnv } from '../../shared/nonce-store.ts';
import { defaultQueryTimeoutMs } from '../../shared/pg-connection.ts';
import { dataPaths, networks, regionService } from '../../shared/networks.ts';
import { defaultDispatcherOptions } from './inquiries/dispatcher.ts';
import { webhookKeyFromEnv } from './inquiries/webhook-secrets.ts';
import { defaultKnownMembersTtlMs } from './known-members.ts';
import { fileStoreLimitsFromEnv } from './files.ts';
import { inquiryQuotaFromEnv } from './inquiries/attachments.ts';
import { createRegionService, defaultInquiryOptions, defaultSearchCountLimit, type RegionOptions } from './server.ts';

// Region's subgraph: node subgraphs/region/index.ts

export interface RegionConfig extends ServiceConfig {
  region: RegionOptions;
}

/** Everything region's process reads from its environment, checked; the only place that does. */
export function loadConfig(env: Env): RegionConfig {
  const read = envReader(env);
  const networkUrls = Object.fromEntries(networks.map((n) => [n.code, read.url(serviceUrlVariable(n.code), `http://localhost:${n.port}`)]));
  const timeout = Number(read.string('NETWORK_TIMEOUT_MS', '2000'));
  if (!Number.isInteger(timeout) || timeout < 50) throw new ConfigError(`NETWORK_TIMEOUT_MS must be a whole number of milliseconds, at least 50.`);
  const secret = subgraphSecret(env, regionService.name);
  const networkSecrets = Object.fromEntries(networks.map((n) => [n.code, subgraphSecret(env, n.code)]));
  const databaseUrl = read.optional('REGION_DATABASE_URL') ?? read.optional('DATABASE_URL');
  if (!databaseUrl) throw new ConfigError('Set DATABASE_URL (or REGION_DATABASE_URL) to the region database (API keys).');
  // 0 counts every hit exactly, however broad the search.
  const countLimit = read.integer('SEARCH_COUNT_LIMIT', defaultSearchCountLimit, 0);
  // 0 asks a member's network every time (known-members.ts).
  const knownMembersTtlMs = read.integer('KNOWN_MEMBERS_TTL_MS', defaultKnownMembersTtlMs, 0);
  const dataDir = read.string('DATA_DIR', dataPaths.defaultDataDir);
  const attachmentMaxBytes = read.integer('ATTACHMENT_MAX_BYTES', defaultInquiryOptions.attachmentMaxBytes, 1);
  return {
    ...serviceFromEnv(read, regionService.port),
    region: {
      networkUrls,
      networkTimeoutMs: timeout,
      secret,
      previousSecret: previousSubgraphSecret(env, regionService.name),
      replayRedisUrl: replayRedisUrlFromEnv(read),
      networkSecrets,
      webhookKey: webhookKeyFromEnv(env),
      observability: observabilityFromEnv(read),
      databaseUrl,
      sqlDebug: read.flag('SQL_DEBUG'),
      queryTimeoutMs: read.integer('DATABASE_QUERY_TIMEOUT_MS', defaultQueryTimeoutMs),
      searchCountLimit: countLimit === 0 ? null : countLimit,
      knownMembersTtlMs,
      inquiries: {
        attachmentsDir: resolve(read.optional('ATTACHMENTS_DIR') ?? join(dataDir, dataPaths.attachments)),
        attachmentMaxBytes,
        ...fileStoreLimitsFromEnv(read, attachmentMaxBytes),
        ...inquiryQuotaFromEnv(read, attachmentMaxBytes),
        allowLoopbackWebhooks: read.flag('WEBHOOK_ALLOW_LOOPBACK'),
        dispatcher: {
          ...defaultDispatcherOptions,
          intervalMs: read.integer('WEBHOOK_POLL_MS', defaultDispatcherOptions.intervalMs, 10),
          backoffMs: read.integer('WEBHOOK_BACKOFF_MS', defaultDispatcherOptions.backoffMs, 10),
          maxAttempts: read.integer('WEBHOOK_MAX_ATTEMPTS', defaultDispatcherOptions.maxAttempts, 1),
        },
      },
    },
  };
}

if (import.meta.main) {
  const name = `${regionService.name} subgraph`;
  const config = loadOrExit(name, () => loadConfig(process.env));
  nameProcessLog(regionService.name, config.region.observability);
  await runService(name, config, async () => {
    const service = await createRegionService(config.region);
    // Said at every start: a previous secret left set keeps the old, perhaps leaked, one valid for good.
    if (config.region.previousSecret)
      service.observability.log.warn(
        `${name}: REGION_SUBGRAPH_SECRET_PREVIOUS is set, so the old secret is still taken; remove it once the gateways sign with the new one.`,
      );
    return service;
  });
}
