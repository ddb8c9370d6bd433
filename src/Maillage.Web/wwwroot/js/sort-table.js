// Sortable tables: each header becomes a button; numbers sort by their data-value (or text), text in French order.
(() => {
  for (const table of document.querySelectorAll("table.sortable")) {
    const headers = [...table.tHead.rows[0].cells];
    headers.forEach((th, index) => {
      const button = Object.assign(document.createElement("button"), { type: "button", className: "sort", textContent: th.textContent });
      th.replaceChildren(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(h => h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const key = row => { const c = row.cells[index]; return c.dataset.value ?? c.textContent.trim(); };
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a), y = key(b), nx = Number(x), ny = Number(y);
          const order = !isNaN(nx) && !isNaN(ny) && x !== "" && y !== "" ? nx - ny : x.localeCompare(y, "fr");
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
})();
