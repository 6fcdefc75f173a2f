"""The room view's cues (schema 8): what the facilitator has selected, the break, the theme.

One row per session beside ``room_blanks``: a signal the console replaces as the
facilitator moves, read by the room view with the session, never part of the
session's history.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TIME = sa.String(length=32)
"""Times are fixed-width ISO text in UTC, on both dialects (``coltypes.UTCDateTime``)."""


def upgrade() -> None:
    op.create_table(
        "room_cues",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_index", sa.Integer(), nullable=True),
        sa.Column("item", sa.String(), nullable=True),
        sa.Column("prompt", sa.Integer(), nullable=True),
        sa.Column("back_at", TIME, nullable=True),
        sa.Column("theme", sa.String(), nullable=True),
        sa.Column("closed", sa.Boolean(), nullable=True),
        sa.Column("at", TIME, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )


def downgrade() -> None:
    raise NotImplementedError("workshop-tui never goes back to an older schema")
