"""xlwings' remote engine needs a licence key before it is imported; tests use the
noncommercial one (set here, never committed anywhere else)."""

import os

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
