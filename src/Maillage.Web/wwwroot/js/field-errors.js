// Repeats each message of the error summary next to the field it is about (the summary stays for screen readers and without script):
// the field is found by its name (« Form.Name », « name »: the last part, case-insensitive) in the form that was sent (its handler).
(() => {
  const handler = new URLSearchParams(location.search).get('handler');
  // A form the page keeps folded (a payment of another schedule line) is not the one that was sent: the page unfolds that one.
  const forms = [...document.querySelectorAll('main form')].filter(f => !f.closest('details:not([open])'));
  const sent = forms.filter(f => handler && (f.getAttribute('action') || '').toLowerCase().includes('handler=' + handler.toLowerCase()));
  const candidates = sent.length ? sent : forms.filter(f => (f.getAttribute('method') || '').toLowerCase() === 'post');
  const last = n => (n || '').split('.').pop().replace(/\[\d+\]$/, '').toLowerCase();
  let n = 0;
  document.querySelectorAll('#erreurs li[data-field]').forEach(li => {
    const field = last(li.dataset.field);
    if (!field) return;
    for (const form of candidates) {
      const input = [...form.elements].find(e => e.name && last(e.name) === field && e.type !== 'hidden');
      if (!input) continue;
      const note = document.createElement('p');
      note.className = 'field-error';
      note.id = 'erreur-champ-' + (++n);
      note.textContent = li.textContent;
      (input.closest('label') || input).insertAdjacentElement('afterend', note);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + note.id).trim());
      break;
    }
  });
})();
