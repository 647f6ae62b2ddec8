"""File → Sync by file…: an office with no connection carries its changes to city hall on a USB stick
and reads the server's reply carried back (`dialog.SyncFileDialog`)."""
