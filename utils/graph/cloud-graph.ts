import type { Cloud, CloudName } from '../clouds';
import type { GraphClient } from './client';

/**
 * Graph of the configured cloud, chosen per call: one client per cloud (its host and version), so choosing another
 * cloud in the options takes effect on the next request without a restart of the worker.
 */
export function createCloudGraph(currentCloud: () => Promise<Cloud>, make: (cloud: Cloud) => GraphClient): GraphClient {
  const clients = new Map<CloudName, GraphClient>();
  let last: GraphClient | undefined;
  async function clientFor(): Promise<GraphClient> {
    const cloud = await currentCloud();
    let client = clients.get(cloud.name);
    if (!client) {
      client = make(cloud);
      clients.set(cloud.name, client);
    }
    last = client;
    return client;
  }
  return {
    request: async (method, path, options) => (await clientFor()).request(method, path, options),
    grantedScopes: () => last?.grantedScopes() ?? [],
  };
}
