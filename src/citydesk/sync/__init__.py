"""Sync: the registry, wire format and merge rules shared with the server; change capture and the HLC;
the local database's sync interface (outgoing, apply, acknowledge, restamp, conflicts); and the client
engine (lease, http, credentials, connect, engine)."""
