"""Swedish language helpers shared by every stage: slugs, lemmas, regex guards, search folding and the spaCy pipeline."""
