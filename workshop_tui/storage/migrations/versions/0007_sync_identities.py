"""Identities that hold across stores, for sessions pushed from a laptop to a team store.

Every session and every record gets a ``uid`` (32 hex digits) unique across laptops; rows
already stored get theirs here. ``sessions.origin`` names the team store a session was
pulled from ('' for one made in this store). ``store_facts`` holds this store's own uid;
``push_state`` the last push of each session between a laptop and a team store (on each).

Frozen once released: never change it; add a new revision.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TIME = sa.String(length=32)
UID = sa.String(length=32)
IDENTIFIED = (
    "sessions",
    "notes",
    "classifications",
    "promises",
    "signoffs",
    "decisions",
    "actions",
    "session_events",
)


RANDOM_UID = {
    "postgresql": "replace(gen_random_uuid()::text, '-', '')",
    "sqlite": "lower(hex(randomblob(16)))",
}
"""A new random uid, in each database's own words (evaluated row by row)."""


def upgrade() -> None:
    random_uid = RANDOM_UID[op.get_bind().dialect.name]
    for name in IDENTIFIED:
        # Added, then filled row by row: no table is copied (SQLite would drop the old one,
        # and with it, through the foreign keys, every row that points at it).
        op.add_column(name, sa.Column("uid", UID, nullable=True))
        op.execute(f"UPDATE {name} SET uid = {random_uid}")
        op.create_index(f"ux_{name}_uid", name, ["uid"], unique=True)
    op.add_column(
        "sessions", sa.Column("origin", sa.String(), server_default=sa.text("''"), nullable=False)
    )
    op.create_table(
        "store_facts",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.bulk_insert(
        sa.table("store_facts", sa.column("key"), sa.column("value")),
        [{"key": "store_uid", "value": uuid.uuid4().hex}],
    )
    op.create_table(
        "push_state",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("peer", UID, nullable=False),
        sa.Column("pushed_revision", sa.Integer(), nullable=False),
        sa.Column("team_session", sa.Integer(), nullable=False),
        sa.Column("team_revision", sa.Integer(), nullable=False),
        sa.Column("cursors", sa.JSON(), nullable=False),
        sa.Column("pushed_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "peer"),
    )


def downgrade() -> None:
    raise NotImplementedError("workshop-tui never goes back to an older schema")
