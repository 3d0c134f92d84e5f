import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, supergraphPath } from './composition.ts';

// `npm run compose`: writes the supergraph the gateway serves. Commit the result.
try {
  writeFileSync(supergraphPath, composeSupergraph());
  console.log(`Wrote ${fileURLToPath(supergraphPath)}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
