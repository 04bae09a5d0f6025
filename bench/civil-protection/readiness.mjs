// Fills the riga tenant's civil protection register up to N resources (one recipe run, as the recipe step would),
// then measures, sequentially from one signed-in connection, the readiness of the flood scenario and the map's data.
// Prints one JSON line per round: resources in the tenant, p50/p95 of each operation in ms (client-side, HTTP included).
// Usage: node readiness.mjs <base url> <admin password> <resources> <requests per round> <rounds>
const [base, adminPassword, resourcesArg, requestsArg, roundsArg] = process.argv.slice(2);
const target = Number(resourcesArg), requests = Number(requestsArg), rounds = Number(roundsArg);
const t = 'riga';

const signIn = await fetch(`${base}/${t}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@workbench.local', password: adminPassword }) });
if (signIn.status !== 204) throw new Error(`sign-in: ${signIn.status}`);
const cookie = signIn.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
async function call(method, path, body) {
  const r = await fetch(`${base}/${t}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

const types = (await call('GET', '/api/civil-protection/resource-types')).map(x => x.code);
const existing = (await call('GET', '/api/civil-protection/resources')).length;
const owners = ['MunicipalUnit', 'Company', 'VolunteerGroup'];
const availability = ['Available', 'Available', 'Available', 'Committed', 'OutOfService'];
const batch = 1000;
for (let n = existing; n < target; n += batch) {
  const resources = Array.from({ length: Math.min(batch, target - n) }, (_, i) => ({
    name: `Bench resurss ${n + i}`, type: types[(n + i) % types.length], quantity: 1 + ((n + i) % 5), ownerKind: owners[(n + i) % 3],
    owner: `Īpašnieks ${(n + i) % 97}`, contactName: 'Kontaktpersona', contactEmail: `bench-${(n + i) % 97}@example.lv`,
    latitude: 56.85 + ((n + i) % 100) / 500, longitude: 23.95 + ((n + i) % 173) / 500, availability: availability[(n + i) % 5],
    lastChecked: '2026-06-01', checkIntervalDays: 180,
  }));
  const recipe = { name: `bench-civil-${n}`, steps: [{ name: 'civil-protection', resources }] };
  await call('POST', '/api/admin/recipes/run', recipe);
}
const count = (await call('GET', '/api/civil-protection/resources')).length;
const flood = (await call('GET', '/api/civil-protection/scenarios')).find(s => s.type === 'Flood').id;

async function time(path) {
  const started = performance.now();
  const r = await fetch(`${base}/${t}${path}`, { headers: { cookie } });
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  return performance.now() - started;
}
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < 10; i++) { await time(`/api/civil-protection/scenarios/${flood}/readiness`); await time('/api/civil-protection/map'); }
  const readiness = [], map = [], baseline = [];
  // The same host's cheapest authenticated read of the module (19 types), for scale on a loaded machine.
  for (let i = 0; i < requests; i++) baseline.push(await time('/api/civil-protection/resource-types'));
  for (let i = 0; i < requests; i++) readiness.push(await time(`/api/civil-protection/scenarios/${flood}/readiness`));
  for (let i = 0; i < requests; i++) map.push(await time('/api/civil-protection/map'));
  console.log(JSON.stringify({ resources: count, readinessP50: percentile(readiness, 0.5), readinessP95: percentile(readiness, 0.95), mapP50: percentile(map, 0.5), mapP95: percentile(map, 0.95), baselineP50: percentile(baseline, 0.5), baselineP95: percentile(baseline, 0.95) }));
}
