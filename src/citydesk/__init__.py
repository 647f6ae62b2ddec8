"""citydesk: an offline-first service desk for small city offices."""

__version__ = "0.1.0"
