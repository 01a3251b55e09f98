"""Global search latency: rare and very common terms, through the same session the GUI uses.

The terms come from the database itself (FTS vocabulary tables), so the figures mean the same
on the demo and on a manager-scale replica: *common* are the words, 2–5 letter prefixes and last
names that match the most rows, plus what people type first ("re", "a", "client"…); *rare* are
words found in a handful of rows, and account and contact names.
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

from benchmarks.run import Figures, percentile
from kamdesk.services.search import SearchSession

TYPED_FIRST = ["re", "rendez", "client", "projet", "a", "de", "prop", "contrat", "suivi", "point"]


def _vocabulary(conn: sqlite3.Connection, fts_table: str) -> list[tuple[str, int]]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{fts_table} USING fts5vocab(main, {fts_table}, row)"
    )
    return conn.execute(f"SELECT term, doc FROM temp.v_{fts_table}").fetchall()


def pick_terms(db_path: Path, count: int = 50, seed: int = 7) -> tuple[list[str], list[str]]:
    """(rare, common) search terms drawn from the database's own vocabulary."""
    rng = random.Random(seed)
    conn = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        vocabulary = _vocabulary(conn, "interactions_fts")
        by_docs = sorted(vocabulary, key=lambda t: -t[1])
        frequent = [t for t, _ in by_docs if len(t) > 2 and t.isalpha()][:40]
        prefixes = {t[:n] for t in frequent for n in (2, 3, 4, 5) if len(t) > n}
        last_names = [
            r[0]
            for r in conn.execute(
                "SELECT last_name FROM contacts WHERE deleted_at IS NULL "
                "GROUP BY last_name ORDER BY count(*) DESC LIMIT 5"
            )
        ]
        pool = sorted(prefixes | set(frequent[:20]))
        common = TYPED_FIRST + last_names
        common += rng.sample(pool, min(len(pool), count - len(common)))
        rare_words = [t for t, docs in vocabulary if 1 <= docs <= 20 and len(t) > 3 and t.isalpha()]
        names = [r[0] for r in conn.execute("SELECT name FROM accounts WHERE deleted_at IS NULL")]
        people = [
            f"{r[0]} {r[1]}"
            for r in conn.execute(
                "SELECT first_name, last_name FROM contacts WHERE deleted_at IS NULL"
            )
        ]
        rare: list[str] = []
        for source, share in ((rare_words, count // 2), (names, count // 4), (people, count)):
            take = min(len(source), share, count - len(rare))
            rare += rng.sample(source, take)
    finally:
        conn.close()
    return rare, common[:count]


def _timings(session: SearchSession, terms: list[str]) -> list[float]:
    times = []
    for term in terms:
        start = time.perf_counter()
        session.search(term)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure_search(db_path: Path, count: int = 50) -> Figures:
    """p95 (ms) of one global search, as typed in the search box, after one warm-up pass."""
    rare, common = pick_terms(db_path, count)
    with SearchSession(db_path) as session:
        _timings(session, rare + common)  # warm the page cache, as the first keystrokes do
        rare_ms, common_ms = _timings(session, rare), _timings(session, common)
    return {
        "search_p95_ms": round(percentile(rare_ms + common_ms, 95), 1),
        "search_rare_term_p95_ms": round(percentile(rare_ms, 95), 1),
        "search_common_term_p95_ms": round(percentile(common_ms, 95), 1),
        "search_max_ms": round(max(rare_ms + common_ms), 1),
    }


if __name__ == "__main__":
    import argparse
    import json

    parser = argparse.ArgumentParser(description="global search latency")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--verbose", action="store_true", help="print the slowest terms")
    args = parser.parse_args()
    if args.verbose:
        rare_terms, common_terms = pick_terms(args.db)
        with SearchSession(args.db) as s:
            _timings(s, rare_terms + common_terms)
            timed = sorted(
                zip(_timings(s, rare_terms + common_terms), rare_terms + common_terms, strict=True)
            )
        for ms, term in timed[-15:]:
            print(f"{ms:8.1f} ms  {term!r}")
    print(json.dumps(measure_search(args.db)))
