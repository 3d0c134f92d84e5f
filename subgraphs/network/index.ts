import { ConfigError, envOptional, envPort, envString } from '../../shared/config.ts';
import { runService } from '../../shared/main.ts';
import { subgraphSecret } from '../../shared/signature.ts';
import { findNetwork, networks } from '../../shared/networks.ts';
import { seedDemoData } from './seeders/demo.seeder.ts';
import { createNetworkService } from './server.ts';

// One network's subgraph: NETWORK=NIWE node subgraphs/network/index.ts
const code = envString('NETWORK', '');
const network = findNetwork(code);

await runService(`${code || 'network'} subgraph`, network ? envPort('PORT', network.port) : 0, envString('HOST', '127.0.0.1'), async () => {
  if (!network) throw new ConfigError(`NETWORK must name a registered network (${networks.map((n) => n.code).join(', ')}), got "${code}".`);
  const databaseUrl = envOptional(`${network.code}_DATABASE_URL`) ?? envOptional('DATABASE_URL');
  if (!databaseUrl) throw new ConfigError(`Set DATABASE_URL (or ${network.code}_DATABASE_URL) to this network's PostgreSQL database.`);
  const service = await createNetworkService({ network: network.code, databaseUrl, secret: subgraphSecret(network.code) });
  if (envString('DEMO_DATA', '0') === '1') {
    const seeded = await seedDemoData(service.orm.em.fork(), network);
    if (seeded > 0) console.log(`${network.code}: seeded ${seeded} fictional demo members`);
  }
  return service;
});
