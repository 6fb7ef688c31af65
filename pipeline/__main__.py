"""`python -m pipeline` runs the `lofte` command line."""

import sys

from pipeline.cli.main import main

sys.exit(main())
