"""What the record needs to tell the truth: sides, people who come and go, private notes,
items not placed yet, and what an undo took back.

- ``sessions.supplier``: the supplier's organisation, beside the customer's;
- ``participants.side``, ``delegate_for``, ``joined_at``, ``left_at``: whose side each
  person is on, whom a delegate signs for, and when a latecomer came or somebody left;
- ``notes.private``: a note the facilitator took for themselves (never on the room view,
  never in the agreement);
- ``classifications.domain`` may be empty: an item added to the board and not placed yet;
- ``session_events.undoes``: the records an undo (Ctrl+Z) took back, as ``[kind, id]``.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TIME = sa.String(length=32)
"""Times are fixed-width ISO text in UTC, on both dialects (``coltypes.UTCDateTime``)."""
EMPTY = sa.text("''")


def upgrade() -> None:
    # New columns are added in place (ALTER TABLE ... ADD COLUMN, on both dialects): copying
    # a table SQLite's way would drop the old one, and dropping ``sessions`` would take every
    # row that references it along (its foreign keys cascade).
    op.add_column(
        "sessions", sa.Column("supplier", sa.String(), server_default=EMPTY, nullable=False)
    )
    op.add_column(
        "participants", sa.Column("side", sa.String(), server_default=EMPTY, nullable=False)
    )
    op.add_column(
        "participants", sa.Column("delegate_for", sa.String(), server_default=EMPTY, nullable=False)
    )
    op.add_column("participants", sa.Column("joined_at", TIME, nullable=True))
    op.add_column("participants", sa.Column("left_at", TIME, nullable=True))
    op.add_column(
        "notes", sa.Column("private", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column("session_events", sa.Column("undoes", sa.JSON(), nullable=True))
    # SQLite cannot make a column nullable in place: the table is copied (nothing refers to
    # a classification, so nothing cascades).
    with op.batch_alter_table("classifications") as batch:
        batch.alter_column("domain", existing_type=sa.String(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("classifications") as batch:
        batch.alter_column("domain", existing_type=sa.String(), nullable=False)
    op.drop_column("session_events", "undoes")
    op.drop_column("notes", "private")
    for column in ("left_at", "joined_at", "delegate_for", "side"):
        op.drop_column("participants", column)
    op.drop_column("sessions", "supplier")
