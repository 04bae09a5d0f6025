// Live council screens (progressive enhancement: without this script every screen still works by plain forms and
// shows the state at loading time).
// - [data-quorum-stream]: the quorum follows arrivals and departures.
// - #live[data-votes-stream]: counts follow each vote; when a vote opens or closes, the region is fetched again from
//   the server, so the ballot buttons, the result and each member's vote appear without reloading the page.
// - form[data-enhance] inside #live: sent in the background; the region is replaced by the answer and keeps focus.
// - ol[data-reorder]: agenda items are dragged into a new order; the arrow buttons are the keyboard alternative.
(() => {
  const live = document.getElementById('live');

  const quorumStream = document.querySelector('[data-quorum-stream]')?.dataset.quorumStream;
  if (quorumStream) {
    new EventSource(quorumStream).addEventListener('quorum', event => {
      const status = JSON.parse(event.data);
      const quorum = document.querySelector('[data-quorum-stream]');
      if (!quorum) return;
      const lv = document.documentElement.lang !== 'en';
      quorum.querySelector('[data-present]').textContent = String(status.present);
      quorum.querySelector('[data-members]').textContent = String(status.votingMembers);
      quorum.querySelector('[data-quorum]').textContent = status.quorum ? (lv ? 'ir' : 'yes') : (lv ? 'nav' : 'no');
    });
  }

  if (!live) return;

  const swap = html => {
    // Only the body is parsed: the head's brand style carries that answer's CSP nonce, which this page would refuse.
    const body = html.indexOf('<body');
    const fresh = new DOMParser().parseFromString(body < 0 ? html : html.slice(body), 'text/html').getElementById('live');
    if (!fresh) return;
    const focused = document.activeElement?.id;
    live.replaceChildren(...fresh.childNodes);
    if (focused) document.getElementById(focused)?.focus();
    enhance();
  };
  // One request at a time, answers applied in the order asked: quick clicks (three arrivals in a row) cannot leave
  // the screen on an older answer. If the server cannot be reached, the page is loaded again to show the true state.
  let queue = Promise.resolve();
  const enqueue = request => {
    queue = queue.then(async () => swap(await (await request()).text())).catch(() => location.reload());
    return queue;
  };
  const refresh = () => enqueue(() => fetch(location.href, { headers: { Accept: 'text/html' } }));

  if (live.dataset.votesStream) {
    new EventSource(live.dataset.votesStream).addEventListener('tally', event => {
      const tally = JSON.parse(event.data);
      if (!tally) return;
      const shown = live.querySelector(`[data-vote="${tally.voteEventId}"]`);
      if (!shown || shown.dataset.state !== tally.state) { refresh(); return; }
      for (const key of ['for', 'against', 'abstain']) shown.querySelector(`[data-count="${key}"]`).textContent = String(tally[key]);
    });
  }

  const send = (form, submitter) => {
    const body = new FormData(form, submitter);
    return enqueue(() => fetch(form.action, { method: 'POST', body }));
  };

  function enhance() {
    for (const form of live.querySelectorAll('form[data-enhance]')) {
      form.addEventListener('submit', event => {
        event.preventDefault();
        send(form, event.submitter);
      });
    }
    const agenda = live.querySelector('ol[data-reorder]');
    const reorder = live.querySelector('form[data-reorder-form]');
    if (!agenda || !reorder) return;
    let dragged = null;
    agenda.addEventListener('dragstart', event => {
      dragged = event.target.closest('li');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', dragged.dataset.id);
    });
    agenda.addEventListener('dragover', event => {
      const target = event.target.closest('li');
      if (!dragged || !target || target === dragged) return;
      event.preventDefault();
      const after = event.clientY > target.getBoundingClientRect().top + target.offsetHeight / 2;
      target.insertAdjacentElement(after ? 'afterend' : 'beforebegin', dragged);
    });
    agenda.addEventListener('drop', event => {
      event.preventDefault();
      if (!dragged) return;
      dragged = null;
      for (const input of reorder.querySelectorAll('input[name="order"]')) input.remove();
      for (const item of agenda.querySelectorAll('li[data-id]')) {
        const input = document.createElement('input');
        Object.assign(input, { type: 'hidden', name: 'order', value: item.dataset.id });
        reorder.append(input);
      }
      send(reorder);
    });
    agenda.addEventListener('dragend', () => { dragged = null; });
  }
  enhance();
})();
