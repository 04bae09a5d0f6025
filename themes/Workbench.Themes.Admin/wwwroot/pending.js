// Pending-task counts next to the workplace menu items (progressive enhancement: the menu works without them).
(() => {
  const nav = document.getElementById('workplace-nav');
  const source = nav?.dataset.pending;
  if (!source) return;
  fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : { items: [] }))
    .then(({ items }) => {
      for (const item of items) {
        if (item.count == null || item.count === 0) continue;
        const target = new URL(item.url, new URL(nav.dataset.base, document.baseURI)).href;
        const link = [...nav.querySelectorAll('a')].find(a => a.href === target);
        if (!link) continue;
        const badge = document.createElement('span');
        badge.className = 'count';
        badge.textContent = String(item.count);
        badge.setAttribute('aria-label', `${item.count} ${document.documentElement.lang === 'en' ? 'waiting' : 'gaida'}`);
        link.append(' ', badge);
      }
    })
    .catch(() => { /* counts are a convenience; the menu stays as it is */ });
})();
