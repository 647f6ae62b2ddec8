"""Sync: hybrid logical clock and change capture (the client engine and server come later)."""
