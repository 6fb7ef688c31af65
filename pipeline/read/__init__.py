"""Reading a store: measure queries and statements, Swedish-aware search, corpus frames for notebooks. Entry points: `pipeline.read.query.find_measures`, `pipeline.read.corpus`."""
