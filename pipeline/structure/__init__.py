"""Stage 3, structure: document type, date, municipality, diarienummer, title, authors and references. Entry point: `pipeline.structure.core.analyse`."""
