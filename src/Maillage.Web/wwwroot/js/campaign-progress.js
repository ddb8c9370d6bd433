// Campaign send progress: polls the status API while the send runs, updates the <progress> bar and the live text,
// and reloads the page once the send has ended (to show the sent log).
(() => {
  const box = document.getElementById("send-progress");
  if (!box || box.dataset.state !== "sending") {
    return;
  }
  const bar = document.getElementById("send-bar");
  const text = document.getElementById("send-status");
  const number = n => n.toLocaleString("fr-FR");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const s = await response.json();
        bar.max = Math.max(1, s.total);
        bar.value = s.done;
        bar.textContent = `${s.done} / ${s.total}`;
        text.textContent = `${number(s.done)} adresses traitées sur ${number(s.total)}…`;
        if (s.state !== "sending") {
          window.location.reload();
          return;
        }
      }
    } catch {
      // The next poll tries again.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
})();
