"""Running stages: the registry, the built-in stages, the per-document process, executors and page fan-out. Entry points: `pipeline.run.runner.run` (a batch) and `process_path` (one file)."""
