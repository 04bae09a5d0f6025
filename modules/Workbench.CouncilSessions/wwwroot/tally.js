// Live tally of open votes on the public meeting page (progressive enhancement: without it the page shows the count
// at loading time). The stream ends when the vote closes; the page then shows the result.
(() => {
  for (const section of document.querySelectorAll('section.vote[data-stream]')) {
    const source = new EventSource(section.dataset.stream);
    source.addEventListener('tally', event => {
      const tally = JSON.parse(event.data);
      for (const key of ['for', 'against', 'abstain']) section.querySelector(`[data-count="${key}"]`).textContent = String(tally[key]);
      if (tally.state === 'Closed') {
        const lv = document.documentElement.lang !== 'en';
        section.querySelector('[data-result]').textContent = tally.passed ? (lv ? 'pieņemts' : 'adopted') : (lv ? 'noraidīts' : 'rejected');
        source.close();
      }
    });
  }
})();
