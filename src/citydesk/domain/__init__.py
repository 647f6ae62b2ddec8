"""Pure business rules of citydesk: no Qt, no SQL, no I/O."""
