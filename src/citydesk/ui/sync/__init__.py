"""Sync in the desktop app: the controller (background sync, Sync now, quitting), the status bar's sync
sections, the Connect to server dialog and the background-sync settings."""
