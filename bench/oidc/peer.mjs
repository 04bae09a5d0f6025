// oidc-provider serving client credentials with JWT access tokens (RS256), for the side-by-side benchmark.
// Usage: node peer.mjs <port> <client id> <client secret>
import Provider from 'oidc-provider';

const [port, clientId, secret] = process.argv.slice(2);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: clientId, client_secret: secret, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], scope: 'api' }],
  scopes: ['api'],
  features: {
    clientCredentials: { enabled: true },
    // JWT access tokens need a resource indicator; one default resource (it must be an absolute URI) makes every token a JWT.
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:workbench',
      getResourceServerInfo: () => ({ scope: 'api', audience: 'urn:workbench', accessTokenFormat: 'jwt', accessTokenTTL: 600 }),
      useGrantedResource: () => true,
    },
  },
});
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
