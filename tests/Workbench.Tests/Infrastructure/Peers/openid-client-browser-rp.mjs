// openid-client as a relying party whose browser steps a real browser takes (the test drives it with Playwright):
// "begin" prints the authorization URL (PKCE S256, state, nonce kept in <state file>); "finish" takes the URL the
// browser came back to, redeems the code, validates the ID token, refreshes, reads userinfo and prints the
// end-session URL for the browser. Usage:
//   node openid-client-browser-rp.mjs begin  <issuer> <client id> <client secret> <redirect uri> <state file>
//   node openid-client-browser-rp.mjs finish <issuer> <client id> <client secret> <callback url> <state file>
import { readFileSync, writeFileSync } from 'node:fs';
import * as oidc from 'openid-client';

const [mode, issuer, clientId, secret, url, stateFile] = process.argv.slice(2);
const config = await oidc.discovery(new URL(issuer), clientId, secret, undefined, { execute: [oidc.allowInsecureRequests] });

if (mode === 'begin') {
  const saved = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), redirectUri: url };
  writeFileSync(stateFile, JSON.stringify(saved));
  console.log(oidc.buildAuthorizationUrl(config, {
    redirect_uri: url, scope: 'openid profile email roles offline_access', state: saved.state, nonce: saved.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(saved.verifier), code_challenge_method: 'S256',
  }).href);
} else {
  const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
  const tokens = await oidc.authorizationCodeGrant(config, new URL(url),
    { pkceCodeVerifier: saved.verifier, expectedState: saved.state, expectedNonce: saved.nonce });
  const claims = tokens.claims();
  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
  let reuseRefused = false;
  try { await oidc.refreshTokenGrant(config, tokens.refresh_token); } catch (e) { reuseRefused = e.error === 'invalid_grant'; }
  const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(e => ({ error: e.code ?? e.message }));
  console.log(JSON.stringify({
    sub: claims.sub, email: claims.email, municipalities: claims.municipalities,
    refreshRotated: refreshed.refresh_token !== tokens.refresh_token, reuseRefused, userinfo,
    endSession: oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token, post_logout_redirect_uri: `${saved.redirectUri}/bye`, state: 'bye' }).href,
  }));
}
