import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { deferRequires, keepLocations, telemetryOnly } from '../scripts/bundle-services.ts';

// What the bundle changes in each module so that it runs as the module did from its own file.

const entry = '/repo/subgraphs/network/index.ts';
const plugin = keepLocations(new Set([entry]));
const transform = (code: string, id: string) => (plugin.transform as (code: string, id: string) => string | null)(code, id);

describe('the bundle keeps each module where it was', () => {
  test('a file next to a module is found next to the module, not next to the bundle', () => {
    expect(transform("readFileSync(new URL('./schema.graphql', import.meta.url))", '/repo/shared/schema/sdl.ts')).toBe(
      `readFileSync(new URL('./schema.graphql', "file:///repo/shared/schema/sdl.ts"))`,
    );
    expect(transform('join(import.meta.dirname, import.meta.filename)', '/repo/a/b.ts')).toBe('join("/repo/a", "/repo/a/b.ts")');
    expect(transform("require(join(__dirname, 'package.json'), __filename)", '/repo/node_modules/x/index.js')).toBe(
      `require(join("/repo/node_modules/x", 'package.json'), "/repo/node_modules/x/index.js")`,
    );
  });

  test('only an entry is the main module', () => {
    expect(transform('if (import.meta.main) start();', entry)).toBe('if (import.meta.main) start();');
    expect(transform('if (import.meta.main) start();', '/repo/subgraphs/region/index.ts')).toBe('if (false) start();');
  });

  test("a module's own __dirname stays its own", () => {
    const code = 'const __dirname = dirname(fileURLToPath(import.meta.url)); read(__dirname);';
    expect(transform(code, '/repo/node_modules/y/esm.mjs')).toBe(
      'const __dirname = dirname(fileURLToPath("file:///repo/node_modules/y/esm.mjs")); read(__dirname);',
    );
  });

  test('a module that uses none of these is left as it is', () => {
    expect(transform('export const x = 1;', '/repo/shared/x.ts')).toBeNull();
  });
});

describe("the gateway's telemetry-only packages", () => {
  test('are required when first used, not when @apollo/gateway loads; others as before', () => {
    const code = [
      'const api_1 = require("@opentelemetry/api");',
      'const sdk_metrics_1 = require("@opentelemetry/sdk-metrics");',
      'exports.make = () => new sdk_metrics_1.MeterProvider(api_1.name);',
    ].join('\n');
    const deferred = deferRequires(code, telemetryOnly);
    const required: string[] = [];
    const fakeRequire = (name: string) => {
      required.push(name);
      return name === '@opentelemetry/api'
        ? { name: 'api' }
        : {
            MeterProvider: class {
              from: string;
              constructor(from: string) {
                this.from = from;
              }
            },
          };
    };
    const exports: { make?: () => { from: string } } = {};
    new Function('require', 'exports', deferred)(fakeRequire, exports);
    expect(required).toEqual(['@opentelemetry/api']);
    expect(exports.make!().from).toBe('api');
    exports.make!();
    expect(required).toEqual(['@opentelemetry/api', '@opentelemetry/sdk-metrics']);
  });

  test("still name what @apollo/gateway's module requires", () => {
    const source = readFileSync(fileURLToPath(import.meta.resolve('@apollo/gateway/dist/utilities/opentelemetry.js')), 'utf8');
    for (const name of telemetryOnly) expect(source).toContain(`require("${name}")`);
    expect(deferRequires(source, telemetryOnly)).not.toMatch(/const \w+ = require\("@opentelemetry\/(sdk-metrics|resources)"\)/);
  });
});
