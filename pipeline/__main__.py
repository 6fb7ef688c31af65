"""`python -m pipeline` runs the `lofte` command line."""

import sys

from pipeline.cli import main

sys.exit(main())
