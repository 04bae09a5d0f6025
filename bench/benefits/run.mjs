// Drives bench/benefits.sh: the demo catalogue in riga, a provider with a machine client, status records of
// generated fictitious people imported through the API, then eligibility checks by 50 concurrent clients, timed.
import { readFile } from 'node:fs/promises';
const [base, password, checks, records, recipePath] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5]), process.argv[6]];
const signIn = async tenant => {
  const r = await fetch(`${base}/${tenant}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@workbench.local', password }) });
  if (!r.ok) throw new Error(`sign-in ${tenant}: ${r.status}`);
  return r.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
};
const send = async (url, init) => {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.text()).slice(0, 500)}`);
  return r;
};
const riga = await signIn('riga'), centre = await signIn('competence-centre');
const json = (cookie, url, method, body) => send(url, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

await send(`${base}/riga/api/admin/recipes/run`, { method: 'POST', headers: { cookie: riga, 'content-type': 'application/json' }, body: await readFile(recipePath, 'utf8') });
const clientId = 'bench-provider', secret = 'bench-provider-secret-of-at-least-32-chars';
await json(centre, `${base}/competence-centre/api/admin/openid/applications/${clientId}`, 'PUT', {
  displayName: 'Bench provider', type: 'confidential', clientSecret: secret, redirectUris: [], allowedFlows: ['client_credentials'], scopes: ['api'],
  tenantRoles: { riga: ['Atvieglojumu piemērotājs'] },
});
await json(riga, `${base}/riga/api/benefits/providers`, 'POST', { name: 'Bench pārvadātājs', clientId, contractFrom: '2020-01-01', reliefs: ['TR-SEN', 'TR-SKO', 'TR-DBG'] });

// Old-format codes with valid check digits: (1101 − Σ dᵢ·wᵢ) mod 11.
const weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const codes = [];
for (let i = 0; codes.length < records; i++) {
  const birth = new Date(Date.UTC(1940, 0, 1) + (i % 25000) * 86400000);
  const dd = String(birth.getUTCDate()).padStart(2, '0'), mm = String(birth.getUTCMonth() + 1).padStart(2, '0'), yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  const first = `${dd}${mm}${yy}${birth.getUTCFullYear() >= 2000 ? 2 : 1}${String(Math.floor(i / 25000) % 1000).padStart(3, '0')}`;
  const check = (1101 - [...first].reduce((s, d, k) => s + Number(d) * weights[k], 0)) % 11;
  if (check !== 10) codes.push(first + check);
}
const started = performance.now();
for (let at = 0; at < codes.length; at += 5000) {
  const batch = codes.slice(at, at + 5000).map(personalCode => ({ personalCode, group: 'seniori', validFrom: '2025-01-01', validTo: '2030-12-31', source: 'PMLP', declaredResidence: true }));
  await json(riga, `${base}/riga/api/benefits/status-records`, 'POST', { records: batch });
}
const held = await send(`${base}/riga/api/benefits/status-records`, { headers: { cookie: riga } }).then(r => r.json());
console.log(`imported ${held.records} status records in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const token = await send(`${base}/competence-centre/connect/token`, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic ' + Buffer.from(`${clientId}:${secret}`).toString('base64') },
  body: 'grant_type=client_credentials&scope=api',
}).then(r => r.json()).then(t => t.access_token);
const ask = async i => {
  const personalCode = i % 10 === 0 ? '321234-56789' : codes[(i * 7919) % codes.length];
  const t0 = performance.now();
  const r = await fetch(`${base}/riga/api/benefits/eligibility`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ personalCode, relief: 'TR-SEN' }) });
  const answer = await r.json();
  if (!r.ok) throw new Error(`eligibility: ${r.status} ${JSON.stringify(answer)}`);
  return { ms: performance.now() - t0, eligible: answer.eligible };
};
for (let i = 0; i < 50; i++) await ask(i); // warm-up
const times = []; let eligible = 0, next = 0;
const wall = performance.now();
await Promise.all(Array.from({ length: 50 }, async () => {
  while (next < checks) { const r = await ask(next++); times.push(r.ms); if (r.eligible) eligible++; }
}));
const seconds = (performance.now() - wall) / 1000;
times.sort((a, b) => a - b);
const p = q => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
console.log(`eligibility, 50 concurrent clients, ${times.length} checks (${eligible} eligible) over ${held.records} status records: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms, ${(times.length / seconds).toFixed(0)}/s (target p95 < 20 ms)`);
