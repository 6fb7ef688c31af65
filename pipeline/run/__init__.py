"""Running stages: the registry, the built-in stages, the per-document process, executors and page fan-out. Entry points: `pipeline.run.runner.run` (a batch) and `process_path` (one file)."""

# Importing the package registers the six built-in stages and the relink corpus stage, so
# `stages.get` and `stages.corpus_stages` always find them;
# the registry itself imports none of its users.
from pipeline.run import builtin as _builtin  # noqa: F401
from pipeline.run import relink as _relink  # noqa: F401
