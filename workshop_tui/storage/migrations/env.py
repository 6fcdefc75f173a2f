"""Alembic's environment: the migrations run on the connection (and in the transaction) the
caller opened (``migrations.migrate``), never on one of their own."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=None,  # revisions are written out and frozen, never generated at run time
    # Revisions are written by hand. On SQLite, prefer op.add_column and UPDATE to a batch
    # copy of a table: with foreign keys on, dropping the old table deletes its children.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
