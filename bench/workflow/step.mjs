// A workflow step under measurement: an instance waits for a signal; the signal moves it through a set-field step and
// back to waiting. The API answers once the instance blocks again, so the request time is the step's time (event to
// next blocking activity). Beside it, the same number of plain authenticated reads, as the host's floor.
// Usage: node step.mjs <base url> <tenant> <admin password> <instances> <signals per instance>
const [base, tenant, password, instancesArg, signalsArg] = process.argv.slice(2);
const instances = Number(instancesArg), signals = Number(signalsArg);
const r = await fetch(`${base}/${tenant}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@workbench.local', password }) });
if (r.status !== 204) throw new Error(`sign-in: ${r.status}`);
const cookie = r.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
async function call(method, path, body, raw) {
  const response = await fetch(`${base}/${tenant}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
const name = `bench-loop-${Date.now()}`;
await call('POST', '/api/admin/workflows/types', undefined, JSON.stringify({
  name, title: 'Benchmark loop', startActivity: 'wait',
  activities: [{ id: 'wait', type: 'wait-for-signal', properties: { signal: 'next' } }, { id: 'count', type: 'set-field', properties: { field: 'stage', value: 'counted' } }],
  transitions: [{ from: 'wait', outcome: 'signaled', to: 'count' }, { from: 'count', outcome: 'done', to: 'wait' }],
}));
const ids = [];
for (let i = 0; i < instances; i++) ids.push((await call('POST', `/api/workflows/${name}/start`, { n: i })).id);
const steps = [], reads = [];
for (let s = 0; s < signals; s++)
  for (const id of ids) {
    let t0 = performance.now();
    const after = await call('POST', `/api/workflows/instances/${id}/signal`, { signal: 'next' });
    steps.push(performance.now() - t0);
    if (after.status !== 'Waiting' || after.currentActivity !== 'wait') throw new Error(`instance ${id} is ${after.status} at ${after.currentActivity}`);
    t0 = performance.now();
    await call('GET', '/api/workflows/tasks');
    reads.push(performance.now() - t0);
  }
steps.sort((a, b) => a - b); reads.sort((a, b) => a - b);
console.log(JSON.stringify({ steps: steps.length, p50: +percentile(steps, 50).toFixed(2), p95: +percentile(steps, 95).toFixed(2),
  readP50: +percentile(reads, 50).toFixed(2), readP95: +percentile(reads, 95).toFixed(2) }));
