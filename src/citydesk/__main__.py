"""`python -m citydesk` runs the citydesk command."""

import sys

from citydesk.cli import main

sys.exit(main())
