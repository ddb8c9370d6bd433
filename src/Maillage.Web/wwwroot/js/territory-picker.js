// Territory picker: search communes and EPCI through the API, keep the chosen codes as hidden inputs,
// and show the population and size tier computed by the server (the rule set lives there).
(() => {
  const fmt = new Intl.NumberFormat("fr-FR");
  for (const box of document.querySelectorAll("[data-territory-picker]")) {
    const chosen = box.querySelector("[data-chosen]");
    const summary = box.querySelector("[data-summary-text]");
    const codes = () => [...chosen.querySelectorAll("li")].map(li => li.dataset.code);

    // « 1 unité », « 2 unités »: French puts 0 and 1 in the singular (as French.Count does on the server).
    const count = (n, singular, plural) => `${fmt.format(n)} ${n < 2 ? singular : plural}`;
    const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };
    const getJson = async url => { const r = await fetch(url, { headers: { Accept: "application/json" } }); if (!r.ok) throw new Error(r.status); return r.json(); };

    // The map beside the picker (_LocatorMap) shows the départements of the chosen communes: a commune's code starts with its
    // département's (two characters, three in the DROM: 97x).
    function locate(list) {
      const deps = new Set(list.map(c => c.startsWith("97") ? c.slice(0, 3) : c.slice(0, 2)));
      for (const svg of document.querySelectorAll("svg[data-locator]")) {
        const names = [];
        for (const shape of svg.querySelectorAll("[data-code]")) {
          const on = deps.has(shape.dataset.code);
          shape.setAttribute("fill", on ? "#000091" : "#eeeeee");
          if (on) names.push(shape.dataset.title);
        }
        svg.setAttribute("aria-label", `Carte : ${svg.dataset.name} s'étend sur ${names.join(", ")}`);
        const caption = svg.closest("figure")?.querySelector("[data-locator-caption]");
        if (caption) caption.textContent = names.length ? `En bleu, les départements du territoire (${names.join(", ")}).` : "Aucune commune pour l'instant.";
      }
    }

    async function refresh() {
      const list = codes();
      locate(list);
      if (list.length === 0) { summary.textContent = "Territoire vide : ajoutez au moins une commune."; return; }
      const t = await getJson("/api/geo/territory?codes=" + encodeURIComponent(list.join(",")));
      const errors = t.errors.length ? " — " + t.errors.map(e => e.message).join(" ") : "";
      summary.textContent = `${count(t.units.length, "unité", "unités")}, ${fmt.format(t.population)} habitants, taille ${t.tier}${errors}`;
    }

    function add(code, name, population, silent) {
      if (codes().includes(code)) return false;
      const li = document.createElement("li");
      li.dataset.code = code;
      const label = document.createElement("span");
      label.textContent = `${name} (${code}) — ${fmt.format(population)} hab.`;
      const input = Object.assign(document.createElement("input"), { type: "hidden", name: "Form.Territory", value: code });
      const remove = Object.assign(document.createElement("button"), { type: "button", className: "small secondary", textContent: "Retirer" });
      remove.dataset.remove = "";
      remove.setAttribute("aria-label", "Retirer " + name);
      li.append(label, input, remove);
      chosen.append(li);
      if (!silent) refresh();
      return true;
    }

    chosen.addEventListener("click", e => {
      if (e.target.matches("[data-remove]")) { e.target.closest("li").remove(); refresh(); }
    });
    box.querySelector("[data-clear]").addEventListener("click", () => { chosen.replaceChildren(); refresh(); });

    // Results are announced through a polite live region, so screen-reader users know the list changed.
    function wireSearch(input, results, status, url, render) {
      input.addEventListener("keydown", e => { if (e.key === "Enter") e.preventDefault(); });
      input.addEventListener("input", debounce(async () => {
        const q = input.value.trim();
        results.replaceChildren();
        status.textContent = "";
        if (q.length < 2) return;
        const items = await getJson(url + encodeURIComponent(q));
        for (const item of items) results.append(render(item));
        status.textContent = items.length === 0 ? "Aucun résultat." : `${count(items.length, "résultat", "résultats")}.`;
      }, 200));
    }

    const button = (text, label, onClick) => {
      const b = Object.assign(document.createElement("button"), { type: "button", className: "small", textContent: text });
      b.setAttribute("aria-label", label);
      b.addEventListener("click", onClick);
      return b;
    };

    wireSearch(box.querySelector("[data-commune-search]"), box.querySelector("[data-commune-results]"), box.querySelector("[data-commune-status]"), "/api/geo/communes?q=", c => {
      const li = document.createElement("li");
      const via = c.via ? ` (ancienne commune ${c.via})` : "";
      const span = Object.assign(document.createElement("span"), { textContent: `${c.name} (${c.code}) — ${c.departementName} — ${fmt.format(c.population)} hab.${via}` });
      li.append(span, button("Ajouter", `Ajouter ${c.name} (${c.code})`, () => add(c.code, c.name, c.population)));
      return li;
    });

    wireSearch(box.querySelector("[data-epci-search]"), box.querySelector("[data-epci-results]"), box.querySelector("[data-epci-status]"), "/api/geo/epci?q=", e => {
      const li = document.createElement("li");
      li.append(Object.assign(document.createElement("span"), { textContent: `${e.name} — ${e.memberCount} communes, ${fmt.format(e.population)} hab.` }),
        button("Ajouter l'EPCI", `Ajouter les ${e.memberCount} communes de ${e.name}`, async () => {
          const detail = await getJson("/api/geo/epci/" + encodeURIComponent(e.code));
          for (const m of detail.members) add(m.code, m.name, m.population, true);
          refresh();
        }));
      return li;
    });

    if (codes().length) refresh();
  }
})();
