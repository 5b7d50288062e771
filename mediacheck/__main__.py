"""``python -m mediacheck``: the same command line as the ``mediacheck`` script (see ``mediacheck.cli``)."""
import sys

from mediacheck.cli import main

if __name__ == "__main__":
    sys.exit(main())
