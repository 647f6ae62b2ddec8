"""Local store: SQLAlchemy models, the SQLite database, migrations, full-text index and read queries."""
