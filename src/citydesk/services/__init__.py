"""Every local mutation: one function per use case, one transaction each, returning plain data."""
