// Type-ahead for the search box: asks the search API in prefix mode and offers the titles as suggestions.
(() => {
  const input = document.querySelector('input[data-suggest]');
  const list = document.getElementById('q-suggestions');
  if (!input || !list) return;
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      const response = await fetch(`${input.dataset.suggest}?prefix=true&q=${encodeURIComponent(q)}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const results = await response.json();
      list.replaceChildren(...results.hits.map(hit => Object.assign(document.createElement('option'), { value: hit.title })));
    }, 150);
  });
})();
