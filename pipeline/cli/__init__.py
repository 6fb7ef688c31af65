"""The `lofte` command line: a thin layer over `pipeline.api`. Entry point: `pipeline.cli.main.main`."""
