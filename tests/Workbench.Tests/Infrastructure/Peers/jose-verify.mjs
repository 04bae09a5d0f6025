// jose (the JOSE library under openid-client and oidc-provider) reads the provider's JWKS from its discovery document
// and verifies an access token the provider issued: signature, issuer, audience, type. A tampered token must fail.
// Usage: node jose-verify.mjs <issuer> <access token>
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuer, token] = process.argv.slice(2);
const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer, audience: 'workbench', typ: 'at+jwt', algorithms: ['RS256'] });
const [header, body, signature] = token.split('.');
const forged = Buffer.from(JSON.stringify({ ...payload, client_id: 'someone-else' })).toString('base64url');
let tamperedRefused = false;
try { await jwtVerify(`${header}.${forged}.${signature}`, keys, { issuer, audience: 'workbench' }); } catch { tamperedRefused = true; }
console.log(JSON.stringify({ alg: protectedHeader.alg, kid: protectedHeader.kid, clientId: payload.client_id, tenantRoles: payload.tenant_roles, tamperedRefused }));
