#!/usr/bin/env python3
"""Grows a liaison SQLite store to N collaborations for the web load benchmark.

The store must already hold some collaborations (e.g. the demo's mails ingested); each new
row is a copy of one of them with a new id, a start moved back by minutes, and a numbered
subject, written straight into the derived `collaborations` table (the web pages only read
it). Usage: seed.py STORE.db N
"""
import json
import sqlite3
import sys

db, n = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
cols = [r[1] for r in con.execute("PRAGMA table_info(collaborations)")]
rows = con.execute(f"SELECT {', '.join(cols)} FROM collaborations").fetchall()
if not rows:
    sys.exit(f"{db}: no collaborations to copy; ingest some mail first")
have = len(rows)
batch = []
for i in range(n - have):
    src = dict(zip(cols, rows[i % have]))
    data = json.loads(src["data"])
    cid = f"b{i:010x}"
    data["id"] = cid
    data["subject"] = data["subject"].replace("】", f"】#{i} ", 1)
    src["id"] = cid
    src["subject"] = data["subject"]
    # Spread the starts over the last ~70 days, in whole minutes, so keyset paging has ties.
    src["started_utc"] = f"2026-{9 + (i // 43200) % 3:02d}-{1 + (i // 1440) % 28:02d}T{(i // 60) % 24:02d}:{i % 60:02d}:00.000000Z"
    src["data"] = json.dumps(data, ensure_ascii=False)
    batch.append(tuple(src[c] for c in cols))
con.executemany(
    f"INSERT INTO collaborations ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", batch
)
# Stored plans (migration 7): the new rows are stale, so the next `due` plans them.
if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'stale_plans'").fetchone():
    con.executemany("INSERT OR IGNORE INTO stale_plans (id) VALUES (?)", [(b[cols.index("id")],) for b in batch])
con.commit()
print(con.execute("SELECT COUNT(*) FROM collaborations").fetchone()[0])
