// ID-token validation with jose (the JOSE library under oidc-provider and openid-client): signature, issuer,
// audience, lifetime, on the tokens IdTokenBench made. Usage: node idtoken.mjs <folder> <seconds>
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify } from 'jose';

const [folder, seconds] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(`${folder}/tokens.json`, 'utf8'));
const jwks = createLocalJWKSet(JSON.parse(readFileSync(`${folder}/jwks.json`, 'utf8')));
const { issuer, audience } = JSON.parse(readFileSync(`${folder}/claims.json`, 'utf8'));
const options = { issuer, audience, algorithms: ['RS256'], clockTolerance: 120 };
async function run(ms) {
  let done = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) { await jwtVerify(tokens[done % tokens.length], jwks, options); done++; }
  return done;
}
await run(1000); // warm-up
const count = await run(Number(seconds) * 1000);
console.log(JSON.stringify({ perSecond: count / Number(seconds) }));
