// Configuration is read once at start-up: each service's index.ts hands its
// environment to its `loadConfig(env)` and passes the typed result down as
// options, so no module reads process.env on its own and tests build the same
// config with overrides. Every bad value stops the service with a message that
// says what to fix.

export class ConfigError extends Error {}

/** An environment: process.env in index.ts, a plain object in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Typed readers over one environment; an empty variable counts as unset. */
export function envReader(env: Env) {
  const optional = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const string = (name: string, fallback?: string): string => {
    const value = optional(name) ?? fallback;
    if (value === undefined) throw new ConfigError(`Environment variable ${name} is required.`);
    return value;
  };
  return {
    optional,
    string,
    /** `1` is on; anything else, or unset, is off (ALLOW_UNSIGNED=1, INTROSPECTION=1). */
    flag: (name: string): boolean => optional(name) === '1',
    port(name: string, fallback: number): number {
      const raw = optional(name);
      if (raw === undefined) return fallback;
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${raw}".`);
      return port;
    },
    integer(name: string, fallback: number, min = 0): number {
      const raw = optional(name);
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}".`);
      return value;
    },
    url(name: string, fallback: string): string {
      const value = string(name, fallback);
      let protocol: string;
      try {
        protocol = new URL(value).protocol;
      } catch {
        throw new ConfigError(`${name} must be an absolute URL such as http://localhost:4001, got "${value}".`);
      }
      // Each of these is spoken to over HTTP: ftp://x was taken, and every request to it failed.
      if (protocol !== 'http:' && protocol !== 'https:') throw new ConfigError(`${name} must be an http:// or https:// URL, got "${value}".`);
      return value.replace(/\/+$/, '');
    },
  };
}

export type EnvReader = ReturnType<typeof envReader>;

// The same readers over this process's environment, for scripts (npm start, token, backup, restore,
// seed:bulk, the benchmark), each of which is its own entry point and reads it at its top level.
export const envString = (name: string, fallback?: string) => envReader(process.env).string(name, fallback);
export const envOptional = (name: string) => envReader(process.env).optional(name);
export const envPort = (name: string, fallback: number) => envReader(process.env).port(name, fallback);
export const envInteger = (name: string, fallback: number, min = 0) => envReader(process.env).integer(name, fallback, min);
export const envUrl = (name: string, fallback: string) => envReader(process.env).url(name, fallback);

/** `NIWE` -> `NIWE_URL`, the variable that tells gateway and region where a service runs. */
export function serviceUrlVariable(service: string): string {
  return `${service.toUpperCase()}_URL`;
}

/**
 * The secret shared with one service: `<SERVICE>_SUBGRAPH_SECRET` (e.g. NIWE_SUBGRAPH_SECRET)
 * or SUBGRAPH_SECRET. Without one a service runs unsigned only when ALLOW_UNSIGNED=1.
 */
export function subgraphSecret(env: Env, service: string): string | undefined {
  const read = envReader(env);
  const own = `${service.toUpperCase()}_SUBGRAPH_SECRET`;
  // Named as read: with NIWE_SUBGRAPH_SECRET=CHANGE-ME (deploy/network.env.example's placeholder) the refusal named SUBGRAPH_SECRET, which the office never set.
  const variable = read.optional(own) !== undefined ? own : 'SUBGRAPH_SECRET';
  const secret = read.optional(variable);
  if (secret !== undefined && secret.length < 16) throw new ConfigError(`${variable} must be at least 16 characters long, not ${secret.length}.`);
  if (secret === undefined && !read.flag('ALLOW_UNSIGNED')) {
    throw new ConfigError(
      `Set SUBGRAPH_SECRET (or ${service.toUpperCase()}_SUBGRAPH_SECRET) to the secret shared by the gateway and the subgraphs, or ALLOW_UNSIGNED=1 to run without request signatures (development only).`,
    );
  }
  return secret;
}

/**
 * A service's secret before a change, which it accepts beside the new one (<NAME>_SUBGRAPH_SECRET_PREVIOUS): an
 * office changing its secret gives its service the new one with the old as previous, then region and the gateway the
 * new one, then drops the previous (docs/office.md, "Changing a secret"). Without it, its part was missing from the
 * first restart to the last.
 */
export function previousSubgraphSecret(env: Env, service: string): string | undefined {
  const variable = `${service.toUpperCase()}_SUBGRAPH_SECRET_PREVIOUS`;
  const previous = envReader(env).optional(variable);
  if (previous !== undefined && previous.length < 16) throw new ConfigError(`${variable} must be at least 16 characters long, not ${previous.length}.`);
  return previous;
}

/** Where a service listens and how it stops (shared/main.ts runService); every service reads these the same way. */
export interface ServiceConfig {
  port: number;
  host: string;
  /** On SIGTERM/SIGINT: keep taking requests with /ready at 503 for `drainDelayMs`, then give those in flight `graceMs`. */
  shutdown: { graceMs: number; drainDelayMs: number };
}

/** Longer than the gateway's budget for a subgraph call (10 s), so a request waiting on one still gets its answer. */
export const defaultShutdownGraceMs = 15_000;

/** PORT (the registry's port by default), HOST, SHUTDOWN_GRACE_MS and DRAIN_DELAY_MS. */
export function serviceFromEnv(read: EnvReader, defaultPort: number): ServiceConfig {
  return {
    port: read.port('PORT', defaultPort),
    host: read.string('HOST', '127.0.0.1'),
    shutdown: { graceMs: read.integer('SHUTDOWN_GRACE_MS', defaultShutdownGraceMs), drainDelayMs: read.integer('DRAIN_DELAY_MS', 0) },
  };
}

/** Largest inquiry attachment, in bytes, unless ATTACHMENT_MAX_BYTES says otherwise (gateway and region). */
export const defaultAttachmentMaxBytes = 20 * 1024 * 1024;

/**
 * The exit code of a service whose configuration is wrong (sysexits' EX_CONFIG): `npm start` stops everything on
 * it rather than restarting the service, which would fail alike. With 1, as a crash, SUBGRAPH_TIMEOUT_MS=-1
 * restarted the gateway every 2, 4, 8, 16 and then 30 s, and the graph never came up.
 */
export const configErrorExitCode = 78;

/**
 * The configuration `load` returns, or the process ends with one line: `<service>: <what to fix>` and exit code
 * configErrorExitCode for a ConfigError, the error itself and exit code 1 for anything else (a file that cannot be read).
 */
export function loadOrExit<C>(service: string, load: () => C): C {
  try {
    return load();
  } catch (error) {
    console.error(error instanceof ConfigError ? `${service}: ${error.message}` : error);
    process.exit(error instanceof ConfigError ? configErrorExitCode : 1);
  }
}
