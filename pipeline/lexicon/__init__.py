"""Rules as data: cue tables, gazetteers and word lists under `lexicon/data/`, read by one loader each. Entry points: `pipeline.lexicon.cues`, `pipeline.lexicon.gazetteers.load`."""
