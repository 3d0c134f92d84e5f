import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { manifestFileName, persistedOperationManifest } from './persisted-operations.ts';

// Two pages: the public portal (Preact, index.html) and GraphiQL (React, graphiql.html) for
// front-end developers. Only the portal counts against the public pages' JavaScript budget.

export const publicJavaScriptBudgetBytes = 200 * 1024;

/** Prints the gzipped size of the JavaScript the portal's page loads and fails the build over the budget. */
function javaScriptBudget(): Plugin {
  return {
    name: 'javascript-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const portal = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'index');
      // GraphiQL's editor workers are bundles of their own, without the portal.
      if (portal?.type !== 'chunk') return;
      const loaded = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (loaded.has(fileName) || chunk?.type !== 'chunk') return;
        loaded.add(fileName);
        [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
      };
      visit(portal.fileName);
      const gzipped = [...loaded].reduce((sum, f) => sum + gzipSync((bundle[f] as { code: string }).code).length, 0);
      const line = `public pages' JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${loaded.size} file(s), budget ${publicJavaScriptBudgetBytes / 1024} KB`;
      if (gzipped > publicJavaScriptBudgetBytes) return this.error(line);
      console.log(line);
    },
  };
}

/**
 * Registers the portal's operations at build time: writes the persisted-operation manifest into dist and
 * gives the portal's client each operation's hash (__PERSISTED_OPERATION_IDS__), which it sends instead of the text.
 */
function persistedOperations(): Plugin {
  const manifest = persistedOperationManifest();
  return {
    name: 'persisted-operations',
    config: () => ({ define: { __PERSISTED_OPERATION_IDS__: JSON.stringify(Object.fromEntries(manifest.operations.map((o) => [o.name, o.id]))) } }),
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: manifestFileName, source: `${JSON.stringify(manifest, null, 2)}\n` });
      console.log(
        `persisted-operation manifest: ${manifest.operations.length} operations (${manifest.operations.map((o) => o.name).join(', ')}) in ${manifestFileName}`,
      );
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  // development: false whatever NODE_ENV is: a build started under vitest (NODE_ENV=test) otherwise emits
  // jsxDEV calls carrying every element's absolute source path and line, in the public bundle.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The postal-code table is fetched as a file, never inlined into a script.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      // GraphiQL's dependencies mark modules "use client" for React Server Components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('graphiql.html', import.meta.url)),
      },
    },
  },
  plugins: [javaScriptBudget(), persistedOperations()],
});
