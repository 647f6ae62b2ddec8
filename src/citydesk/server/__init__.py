"""The central sync server (`citydesk-server`): its database, the FastAPI app and the admin commands.

Importable without Qt; imports only `sync`, `store` (types) and `domain`.
"""
