// Configuration is read once at start-up; every bad value stops the service with a message that says what to fix.

export class ConfigError extends Error {}

export function envString(name: string, fallback?: string): string {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`Environment variable ${name} is required.`);
}

export function envOptional(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name} must be a port number between 0 and 65535, got "${raw}".`);
  }
  return port;
}

export function envInteger(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, got "${raw}".`);
  return value;
}

export function envUrl(name: string, fallback: string): string {
  const value = envString(name, fallback);
  try {
    new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL such as http://localhost:4001, got "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/** `NIWE` -> `NIWE_URL`, the variable that tells gateway and region where a service runs. */
export function serviceUrlVariable(service: string): string {
  return `${service.toUpperCase()}_URL`;
}

/** Largest inquiry attachment, in bytes, unless ATTACHMENT_MAX_BYTES says otherwise (gateway and region). */
export const defaultAttachmentMaxBytes = 20 * 1024 * 1024;
