// N registrations in one register from C concurrent clients, spread over one or more host nodes. Checks that the
// register's numbers have no duplicate and no gap; prints one JSON line with the throughput and latency percentiles.
// Usage: node register.mjs <base url[,base url…]> <tenant> <admin password> <count> <clients>
const [bases, tenant, password, countArg, clientsArg] = process.argv.slice(2);
const nodes = bases.split(','), count = Number(countArg), clients = Number(clientsArg);

async function session(base) {
  const r = await fetch(`${base}/${tenant}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@workbench.local', password }) });
  if (r.status !== 204) throw new Error(`sign-in on ${base}: ${r.status} ${await r.text()}`);
  return r.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
}
async function call(node, method, path, body) {
  const r = await fetch(`${node.base}/${tenant}${path}`, { method, headers: { cookie: node.cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];

const hosts = await Promise.all(nodes.map(async base => ({ base, cookie: await session(base) })));
const register = (await call(hosts[0], 'GET', '/api/document-registers')).find(r => r.code === 'IEN');
const caseFile = (await call(hosts[0], 'GET', '/api/document-registers/file-plan')).find(c => c.index === '1-12');
const latencies = [];
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: clients }, async () => {
  while (next < count) {
    const i = next++;
    const t0 = performance.now();
    await call(hosts[i % hosts.length], 'POST', '/api/documents', {
      registerId: register.id, caseFileId: caseFile.id, title: `Iesniegums ${i}`, correspondent: `Iedzīvotājs ${i}`, documentDate: '2026-11-30',
    });
    latencies.push(performance.now() - t0);
  }
}));
const seconds = (performance.now() - started) / 1000;

// Every number of the register, read back: none twice, none missing.
const numbers = [];
for (let skip = 0; ; skip += 500) {
  const page = await call(hosts[0], 'GET', `/api/documents?registerId=${register.id}&skip=${skip}&take=500`);
  numbers.push(...page.items.map(d => d.registrationNumber));
  if (page.items.length < 500) break;
}
const sequences = numbers.map(n => Number(n.split('/').pop())).sort((a, b) => a - b);
const duplicates = sequences.length - new Set(sequences).size;
const gaps = sequences.length === 0 ? 0 : sequences[sequences.length - 1] - sequences.length - (sequences[0] - 1);
latencies.sort((a, b) => a - b);
console.log(JSON.stringify({ nodes: hosts.length, registered: count, total: numbers.length, duplicates, gaps, seconds: +seconds.toFixed(2),
  perSecond: +(count / seconds).toFixed(1), p50: +percentile(latencies, 50).toFixed(1), p95: +percentile(latencies, 95).toFixed(1) }));
if (duplicates !== 0 || gaps !== 0) process.exit(1);
