// A relying party built on openid-client (a certified OpenID Connect RP library) against the Workbench provider:
// discovery, authorization code + PKCE (the browser step is a fetch with the staff member's provider cookie),
// ID-token validation, refresh, userinfo and RP-initiated logout. Prints one JSON line of what it saw.
// Usage: node openid-client-rp.mjs <host base URL> <client id> <client secret> <e-mail> <password> <redirect uri>
import * as oidc from 'openid-client';

const [base, clientId, secret, email, password, redirectUri] = process.argv.slice(2);
const config = await oidc.discovery(new URL(`${base}/competence-centre`), clientId, secret, undefined, { execute: [oidc.allowInsecureRequests] });

const session = await fetch(`${base}/competence-centre/api/session`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
});
if (!session.ok) throw new Error(`sign-in at the provider failed: ${session.status}`);
const cookie = session.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');

const verifier = oidc.randomPKCECodeVerifier();
const state = oidc.randomState();
const nonce = oidc.randomNonce();
const authorize = oidc.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri, scope: 'openid profile email roles offline_access', state, nonce,
  code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});
const answer = await fetch(authorize, { headers: { cookie }, redirect: 'manual' });
const callback = new URL(answer.headers.get('location'));

const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
const claims = tokens.claims();
const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
const userinfo = await oidc.fetchUserInfo(config, refreshed.access_token, claims.sub);
const logout = await fetch(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: `${redirectUri}/bye`, state: 'bye' }),
  { headers: { cookie }, redirect: 'manual' });

console.log(JSON.stringify({
  sub: claims.sub, name: claims.name, municipalities: claims.municipalities,
  refreshRotated: refreshed.refresh_token !== tokens.refresh_token,
  userinfoEmail: userinfo.email, logoutStatus: logout.status, logoutLocation: logout.headers.get('location'),
}));
