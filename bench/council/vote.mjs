// A council of N members voting at once on one motion, each from its own signed-in connection, while screens follow
// the tally over server-sent events. Checks every vote is recorded exactly once and the tally is right; prints the
// ballot latency percentiles and the time until every screen showed all N votes, per round, as JSON lines.
// Usage: node vote.mjs <base url> <admin password> <members> <rounds> <screens>
const [base, adminPassword, membersArg, roundsArg, screensArg] = process.argv.slice(2);
const members = Number(membersArg), rounds = Number(roundsArg), screens = Number(screensArg);
const t = 'riga';

async function session(email, password) {
  const r = await fetch(`${base}/${t}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (r.status !== 204) throw new Error(`sign-in ${email}: ${r.status} ${await r.text()}`);
  return r.headers.getSetCookie().map(c => c.split(';')[0]).join('; ');
}
async function call(cookie, method, path, body) {
  const r = await fetch(`${base}/${t}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
async function pool(items, size, work) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => { while (next < items.length) await work(items[next++]); }));
}

const admin = await session('admin@workbench.local', adminPassword);
const body = await call(admin, 'POST', '/api/council/bodies', { name: `Benchmark council ${Date.now()}`, kind: 'Council' });
const people = Array.from({ length: members }, (_, i) => ({ i, email: `bench-${body.id.slice(0, 8)}-${i}@riga.lv`, password: 'Bench-Member-Password-1' }));
await pool(people, 8, async p => {
  p.id = (await call(admin, 'POST', '/api/council/people', { name: `Deputāts ${p.i}`, email: p.email })).id;
  await call(admin, 'POST', `/api/council/bodies/${body.id}/members`, { personId: p.id, votingRight: true, start: '2026-01-01' });
  await call(admin, 'POST', '/api/admin/users', { email: p.email, displayName: `Deputāts ${p.i}`, password: p.password, roles: ['Viewer'] });
});
const meeting = await call(admin, 'POST', '/api/council/meetings', { bodyId: body.id, startsAt: new Date().toISOString(), place: 'Sēžu zāle' });
const item = await call(admin, 'POST', `/api/council/meetings/${meeting.id}/agenda`, { title: 'Par budžetu' });
await call(admin, 'POST', `/api/council/meetings/${meeting.id}/convene`);
await call(admin, 'POST', `/api/council/meetings/${meeting.id}/open`);
await pool(people, 8, p => call(admin, 'PUT', `/api/council/meetings/${meeting.id}/attendance/${p.id}`, { mode: p.i % 3 ? 'InRoom' : 'Remote' }));
await pool(people, 4, async p => { p.cookie = await session(p.email, p.password); });

const choices = ['For', 'Against', 'Abstain'];
for (let round = 0; round < rounds; round++) {
  const vote = await call(admin, 'POST', `/api/council/meetings/${meeting.id}/votes`, { agendaItemId: item.id, motion: `Balsojums ${round + 1}` });
  // Screens: each reads the stream until it has seen every vote.
  let started = 0;
  const seen = Array.from({ length: screens }, async () => {
    const r = await fetch(`${base}/${t}/api/council/votes/${vote.id}/stream`, { headers: { cookie: admin } });
    const reader = r.body.getReader(); const decoder = new TextDecoder(); let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended early');
      buffer += decoder.decode(value, { stream: true });
      for (const line of buffer.split('\n').filter(l => l.startsWith('data: '))) {
        const tally = JSON.parse(line.slice(6));
        if (tally.for + tally.against + tally.abstain === members) { reader.cancel(); return performance.now() - started; }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    }
  });
  await new Promise(resolve => setTimeout(resolve, 300)); // screens connected
  started = performance.now();
  const latencies = await Promise.all(people.map(async p => {
    const begin = performance.now();
    await call(p.cookie, 'POST', `/api/council/votes/${vote.id}/ballot`, { choice: choices[p.i % 3] });
    return performance.now() - begin;
  }));
  const screensDone = Math.max(...await Promise.all(seen));
  const closed = await call(admin, 'POST', `/api/council/votes/${vote.id}/close`);
  const record = await call(admin, 'GET', `/api/council/votes/${vote.id}`);
  const distinct = new Set(record.votes.map(v => v.personId)).size;
  const expected = choices.map((_, c) => people.filter(p => p.i % 3 === c).length);
  if (record.votes.length !== members || distinct !== members || closed.for !== expected[0] || closed.against !== expected[1] || closed.abstain !== expected[2])
    throw new Error(`wrong record: ${record.votes.length} votes, ${distinct} people, tally ${closed.for}/${closed.against}/${closed.abstain}`);
  latencies.sort((a, b) => a - b);
  const q = x => latencies[Math.min(latencies.length - 1, Math.ceil(x * latencies.length) - 1)];
  console.log(JSON.stringify({ round: round + 1, p50: q(0.5), p95: q(0.95), max: latencies.at(-1), screensAllSeen: screensDone, recorded: record.votes.length }));
}
