"""Where development material lives: ../shared beside the repository (never read at run time)."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline import paths

REPO = paths.REPO
# Training, evaluation scripts and tests read the read-only shared folder beside the checkout;
# LOFTE_SHARED points elsewhere when it lives somewhere else.
SHARED = Path(os.environ.get("LOFTE_SHARED", REPO.parent / "shared"))
CORPUS_REAL = SHARED / "corpus_real"
GOLD_SEEDS = SHARED / "gold" / "seeds"
CORPUS_REAL2 = SHARED / "corpus_real2"
