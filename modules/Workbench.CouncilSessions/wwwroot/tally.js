// Live quorum and tallies of open votes on the public meeting page (progressive enhancement: without it the page shows the count
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
  const quorum = document.querySelector('section.quorum[data-stream]');
  if (quorum) {
    new EventSource(quorum.dataset.stream).addEventListener('quorum', event => {
      const status = JSON.parse(event.data);
      quorum.querySelector('[data-present]').textContent = String(status.present);
      quorum.querySelector('[data-members]').textContent = String(status.votingMembers);
      const lv = document.documentElement.lang !== 'en';
      quorum.querySelector('[data-quorum]').textContent = status.quorum ? (lv ? 'ir' : 'yes') : (lv ? 'nav' : 'no');
    });
  }
})();
