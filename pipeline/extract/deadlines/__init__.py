"""Swedish time expressions normalised against the document date. Entry points: `pipeline.extract.deadlines.core.find_time_expressions`, `pick_deadline`."""
