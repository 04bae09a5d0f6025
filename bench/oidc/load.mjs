// Client-credentials requests against a token endpoint: sequential latency and concurrent throughput.
// Usage: node load.mjs <token endpoint> <client id> <client secret> <seconds> <concurrency>
const [endpoint, clientId, secret, seconds, concurrency] = process.argv.slice(2);
const auth = 'Basic ' + Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64');
const body = 'grant_type=client_credentials&scope=api';
async function once() {
  const started = performance.now();
  const response = await fetch(endpoint, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body });
  const json = await response.json();
  if (!json.access_token) throw new Error(`no token: ${response.status} ${JSON.stringify(json)}`);
  return performance.now() - started;
}
for (let i = 0; i < 50; i++) await once(); // warm-up
const latencies = [];
const sequentialEnd = performance.now() + Number(seconds) * 500;
while (performance.now() < sequentialEnd) latencies.push(await once());
latencies.sort((a, b) => a - b);
let done = 0;
const end = performance.now() + Number(seconds) * 1000;
const started = performance.now();
await Promise.all(Array.from({ length: Number(concurrency) }, async () => { while (performance.now() < end) { await once(); done++; } }));
const p = q => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
console.log(JSON.stringify({ p50: p(0.5), p95: p(0.95), perSecond: done / ((performance.now() - started) / 1000) }));
