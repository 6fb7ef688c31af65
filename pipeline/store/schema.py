"""The store's tables, and how a file made by another schema version is recognised."""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = "2"
# Tables computed from the commitments; dropped and rebuilt when the schema changes.
DERIVED = ("measures", "measure_members", "measure_words", "vocab", "measure_fts", "link_keys")

DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
  path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, doc_id TEXT NOT NULL, state TEXT NOT NULL,
  error_code TEXT, error TEXT, updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS artifacts(
  sha256 TEXT NOT NULL, stage TEXT NOT NULL, version TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY(sha256, stage));
CREATE TABLE IF NOT EXISTS documents(
  doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, source TEXT NOT NULL, doc_type TEXT,
  date TEXT, title TEXT, pages INTEGER, extraction TEXT, municipality TEXT, url TEXT, year INTEGER,
  body TEXT, name TEXT);
CREATE TABLE IF NOT EXISTS commitments(
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, n INTEGER NOT NULL, sentence TEXT NOT NULL,
  measure TEXT, measure_key TEXT, lemmas TEXT, responsible TEXT, status TEXT NOT NULL,
  deadline_text TEXT, deadline_start TEXT, deadline_end TEXT, page INTEGER,
  char_start INTEGER, char_end INTEGER, doc_date TEXT, doc_type TEXT);
CREATE INDEX IF NOT EXISTS commitments_doc ON commitments(doc_id);
CREATE TABLE IF NOT EXISTS measures(
  id TEXT PRIMARY KEY, label TEXT NOT NULL, status TEXT NOT NULL, due TEXT,
  first_seen TEXT, last_seen TEXT, statements INTEGER NOT NULL, responsible TEXT,
  search TEXT NOT NULL, closed INTEGER NOT NULL DEFAULT 0, assessment TEXT,
  motion_date TEXT, decision_date TEXT, sort_key TEXT NOT NULL DEFAULT '',
  sources TEXT NOT NULL DEFAULT '', outside INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS measures_sort ON measures(sort_key, id);
-- The measures list opens latest first (read/query.py ORDERS["recent"]).
CREATE INDEX IF NOT EXISTS measures_recent ON measures(
  last_seen IS NULL, last_seen DESC, sort_key, id);
CREATE TABLE IF NOT EXISTS measure_members(
  commitment_id TEXT PRIMARY KEY, measure_id TEXT NOT NULL, reason TEXT NOT NULL,
  score REAL);
CREATE INDEX IF NOT EXISTS members_measure ON measure_members(measure_id);
CREATE TABLE IF NOT EXISTS measure_words(
  word TEXT NOT NULL, measure INTEGER NOT NULL, PRIMARY KEY(word, measure)) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5(word, tokenize='trigram');
CREATE TABLE IF NOT EXISTS link_keys(
  key TEXT NOT NULL, commitment_id TEXT NOT NULL, PRIMARY KEY(key, commitment_id)) WITHOUT ROWID;
"""


# Columns added to a table after its first release: (table, column, type). A store made
# before them gets them added, empty until its documents are ingested again.
ADDED_COLUMNS = (
    ("documents", "municipality", "TEXT"),
    ("documents", "url", "TEXT"),
    ("documents", "year", "INTEGER"),
    ("documents", "body", "TEXT"),
    # The name a reader sees: the printed title, else type, body, place and date.
    ("documents", "name", "TEXT"),
    # 1 when the state, the EU or a state inquiry acts, not the municipality (lexicon/outside.py).
    ("measures", "outside", "INTEGER NOT NULL DEFAULT 0"),
)


def add_columns(conn: sqlite3.Connection) -> None:
    """Add the columns a store made by an earlier release lacks."""
    for table, column, kind in ADDED_COLUMNS:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def is_stale(conn: sqlite3.Connection) -> bool:
    """True when the file holds derived tables of another schema version."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None and row[0] != SCHEMA_VERSION
