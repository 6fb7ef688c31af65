"""Stage 1, ingest: bytes of a PDF, image, text, markdown or HTML file to page texts. Entry point: `pipeline.ingest.reader.ingest_file`."""
