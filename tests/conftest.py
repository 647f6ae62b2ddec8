"""Test setup shared by the whole suite."""

from __future__ import annotations

import os
import tempfile

# These must be set before anything imports Qt or touches keyring. pytest loads this file before any
# test module (and before pytest-qt creates a QApplication), so setting them here at import time works.
# - Without a display, Qt's default platform aborts the whole pytest process (rc 134, no summary);
#   "offscreen" renders in memory, so widget tests and grab() screenshots work headless.
# - On a machine with no desktop session keyring's default backend raises on every call; the null
#   backend stores nothing. Tests that need a working keyring install an in-memory one.
# setdefault: a developer may still choose e.g. QT_QPA_PLATFORM=xcb to watch the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
# Keep QSettings (window layout) and the default data folder out of the developer's real ones.
_SANDBOX = tempfile.mkdtemp(prefix="citydesk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ.setdefault("CITYDESK_DATA_DIR", os.path.join(_SANDBOX, "data"))

# --- shared fixtures below ---
