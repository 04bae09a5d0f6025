// Drives bench/cemetery.sh: a cemetery of 5,000 sites, five CSV imports of 10,000 burials each (the first one timed),
// then the public grave search and the scheme SVG, timed. Prints one line per target with its figure.
const [base, password, searches, svgs] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const tenant = `${base}/smiltene`;
const signIn = await fetch(`${tenant}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@workbench.local', password }) });
if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
const cookie = signIn.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
const call = async (path, init = {}) => {
  const response = await fetch(`${tenant}${path}`, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 500)}`);
  return response;
};
const json = (path, body) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(r => r.json());

const cemetery = await json('/api/cemeteries', { name: 'Bench kapi', reuseYears: 20, schemeWidth: 13000, schemeHeight: 1000 });
const range = await json(`/api/cemeteries/${cemetery.id}/sites/range`, { from: '1A-1', to: '10J-50', type: 'Family', capacity: 4, grid: { x: 10, y: 10 } });
const sites = range.sites.map(s => s.number);
const given = ['Jānis', 'Anna', 'Pēteris', 'Marija', 'Andris', 'Inese', 'Kārlis', 'Līga', 'Ēriks', 'Ilze'];
const family = ['Bērziņš', 'Kalniņa', 'Ozoliņš', 'Jansone', 'Liepiņš', 'Krūmiņa', 'Eglītis', 'Zariņa', 'Vītols', 'Kļaviņa', 'Lācis', 'Priede', 'Siliņš', 'Vanaga', 'Ābols'];
const csv = part => {
  const lines = ['cemetery;site;givenName;familyName;birthDate;deathDate;burialDate;burialType'];
  for (let n = 0; n < 10000; n++) {
    const i = part * 10000 + n, k = Math.floor(i / sites.length);
    const year = 1905 + k * 12, day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`Bench kapi;${sites[i % sites.length]};${given[i % given.length]};${family[(i * 7) % family.length]}${i % 97 === 0 ? '' : ''};${year - 70}-03-${day};${year}-05-${day};${year}-05-${day};Coffin`);
  }
  return lines.join('\n');
};
const timings = [];
for (let part = 0; part < 5; part++) {
  const started = performance.now();
  const report = await call('/api/cemetery/import?commit=true', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv(part) }).then(r => r.json());
  if (!report.committed || report.burials !== 10000) throw new Error(`import ${part}: ${JSON.stringify(report).slice(0, 300)}`);
  timings.push(performance.now() - started);
}
console.log(`import of 10,000 burials from CSV: ${(timings[0] / 1000).toFixed(1)} s (the fifth, into a register of 40,000: ${(timings[4] / 1000).toFixed(1)} s; target < 30 s)`);

const folded = family.map(f => f.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
// One untimed request of each kind first (the first request after start pays for compiling the query).
await fetch(`${tenant}/api/cemetery/search?name=berzins`).then(r => r.text());
await fetch(`${tenant}/api/cemeteries/${cemetery.id}/scheme.svg`).then(r => r.text());
const searchTimes = [];
for (let i = 0; i < searches; i++) {
  const name = `${folded[i % folded.length]}${i % 3 === 0 ? '' : ' ' + given[i % given.length].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}`;
  const started = performance.now();
  const result = await fetch(`${tenant}/api/cemetery/search?name=${encodeURIComponent(name)}`).then(r => r.json());
  searchTimes.push(performance.now() - started);
  if (i === 0 && result.total === 0) throw new Error('the search found nothing');
}
const p = (list, q) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
console.log(`public grave search with ${5 * 10000 + 801} burials: p50 ${p(searchTimes, 0.5).toFixed(1)} ms, p95 ${p(searchTimes, 0.95).toFixed(1)} ms over ${searches} searches (target p95 < 30 ms)`);

const svgTimes = [];
let size = 0;
for (let i = 0; i < svgs; i++) {
  const started = performance.now();
  const text = await fetch(`${tenant}/api/cemeteries/${cemetery.id}/scheme.svg?highlight=${range.sites[i * 97].id}`).then(r => r.text());
  svgTimes.push(performance.now() - started);
  size = text.length;
}
console.log(`scheme SVG of ${sites.length} sites (${Math.round(size / 1024)} KB): p50 ${p(svgTimes, 0.5).toFixed(0)} ms, p95 ${p(svgTimes, 0.95).toFixed(0)} ms over ${svgs} requests (target < 200 ms)`);
