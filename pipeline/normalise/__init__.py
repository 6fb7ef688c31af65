"""Stage 2, normalise: markup residue, hyphenation, running headers and Swedish OCR post-correction. Entry point: `pipeline.normalise.core.normalise`."""
