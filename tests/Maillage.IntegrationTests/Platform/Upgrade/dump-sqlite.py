#!/usr/bin/env python3
"""Dumps the data of a Maillage SQLite database as INSERT statements with explicit column lists.

Usage: dump-sqlite.py DATABASE > fixture.sql

Every table except SQLite's own, EF's migration tables and the reference geography (terr_geo_units,
terr_geo_vintages, which the upgrade test loads with the code) is written, parents before children
(foreign keys stay satisfied with enforcement on), rows in insertion (rowid) order. Values go through
SQLite's quote(), so integers, reals, text and blobs come back with the storage class they had.
"""
import sqlite3
import sys

SKIPPED = {"terr_geo_units", "terr_geo_vintages"}


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def main(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
              if not t.startswith("sqlite_") and not t.startswith("__EFMigrations") and t not in SKIPPED]
    parents = {t: {row[2] for row in db.execute(f"PRAGMA foreign_key_list({quoted(t)})")} - {t} for t in tables}

    ordered, done = [], set()
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in done and (parents[t] & set(tables)) <= done]
        if not ready:
            sys.exit("dump-sqlite: foreign-key cycle between " + ", ".join(sorted(set(tables) - done)))
        ordered += ready
        done.update(ready)

    out = sys.stdout
    out.write("-- Data of a Maillage SQLite database, written by dump-sqlite.py (see README.md next to this file).\n")
    for t in ordered:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({quoted(t)})")]
        names = ", ".join(quoted(c) for c in columns)
        select = ", ".join(f"quote({quoted(c)})" for c in columns)
        rows = db.execute(f"SELECT {select} FROM {quoted(t)} ORDER BY rowid").fetchall()
        if rows:
            out.write(f"\n-- {t}: {len(rows)} rows\n")
        for row in rows:
            out.write(f"INSERT INTO {quoted(t)} ({names}) VALUES ({', '.join(row)});\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
