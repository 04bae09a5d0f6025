// oidc-provider (a certified OpenID provider) as a municipality's upstream identity provider, with its development
// login and consent pages (any password is accepted; the login name picks one of the accounts below).
// Usage: node Interop/oidc-upstream.mjs <port> <client id> <client secret> <redirect uri>
import Provider from 'oidc-provider';

const [port, clientId, secret, redirectUri] = process.argv.slice(2);
const accounts = {
  anna: { email: 'anna.ozola@riga.lv', email_verified: true, name: 'Anna Ozola' },
  // Claims someone else's address without the provider having verified it.
  eve: { email: 'admin@workbench.local', email_verified: false, name: 'Eve' },
  // Says, verified, that it is the administrator: still no automatic link to an administrator's account.
  mallory: { email: 'admin@workbench.local', email_verified: true, name: 'Mallory' },
};
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId, client_secret: secret, redirect_uris: [redirectUri], grant_types: ['authorization_code'],
    response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Profile and e-mail in the ID token itself, as municipal Keycloaks do by default.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  findAccount: (ctx, id) => ({ accountId: id, claims: () => ({ sub: `${id}-0001`, ...(accounts[id] ?? {}) }) }),
});
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
