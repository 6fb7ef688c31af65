"""The embedded SQLite store: documents, stage results keyed by content hash, measures and links. Entry point: `pipeline.store.core.Store`."""
