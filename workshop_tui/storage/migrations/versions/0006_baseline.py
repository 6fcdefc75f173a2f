"""The schema as the last release before Alembic left it (schema 6): the baseline.

A new database, SQLite or PostgreSQL, starts here. A SQLite file made by an earlier release
is brought to schema 6 by the frozen steps of ``legacy`` and then stamped with this
revision. Frozen: never change a released revision; add a new one.

Revision ID: 0006
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = None
branch_labels = None
depends_on = None

TIME = sa.String(length=32)
"""Times are fixed-width ISO text in UTC, on both dialects (``coltypes.UTCDateTime``)."""


def upgrade() -> None:
    op.create_table(
        "room_views",
        sa.Column("token", sa.String(), nullable=False),
        sa.Column("following", sa.Integer(), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("seen_at", TIME, nullable=False),
        sa.PrimaryKeyConstraint("token"),
    )
    op.create_table(
        "scripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("model_json", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_row_id", sa.Integer(), nullable=False),
        sa.Column("customer", sa.String(), nullable=False),
        sa.Column("facilitator", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("current_part", sa.Integer(), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("started_at", TIME, nullable=True),
        sa.Column("finished_at", TIME, nullable=True),
        sa.Column("last_seen_at", TIME, nullable=False),
        sa.Column("materials_checked", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("renegotiates", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["renegotiates"],
            ["sessions.id"],
        ),
        sa.ForeignKeyConstraint(
            ["script_row_id"],
            ["scripts.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("dropped", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("carried_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_actions_session_id_id", "actions", ["session_id", "id"], unique=False)
    op.create_table(
        "classifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("domain", sa.String(), nullable=False),
        sa.Column("rationale", sa.String(), nullable=False),
        sa.Column("carried_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_classifications_session_id_id", "classifications", ["session_id", "id"], unique=False
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("question", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("agreed", sa.Boolean(), nullable=True),
        sa.Column("votes", sa.JSON(), nullable=False),
        sa.Column("rounds", sa.JSON(), nullable=False),
        sa.Column("objections", sa.JSON(), nullable=False),
        sa.Column("advised", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("carried_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_decisions_session_id_id", "decisions", ["session_id", "id"], unique=False)
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("key", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("retracted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notes_session_id_id", "notes", ["session_id", "id"], unique=False)
    op.create_table(
        "part_timings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("planned_seconds", sa.Integer(), nullable=False),
        sa.Column("extra_seconds", sa.Integer(), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("running_since", TIME, nullable=True),
        sa.Column("started_at", TIME, nullable=True),
        sa.Column("finished_at", TIME, nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.Column("removed_seconds", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "part_id"),
        sa.UniqueConstraint("session_id", "position"),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "position"),
    )
    op.create_table(
        "promises",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("party", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("carried_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_promises_session_id_id", "promises", ["session_id", "id"], unique=False)
    op.create_table(
        "room_blanks",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("blanked", sa.Boolean(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_table(
        "session_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("reopened_finish", TIME, nullable=True),
        sa.Column("customer", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("customer_was", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_session_events_session_id_id", "session_events", ["session_id", "id"], unique=False
    )
    op.create_table(
        "session_locks",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("since", TIME, nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_table(
        "signoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("part_id", sa.String(), nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("section_id", sa.String(), nullable=False),
        sa.Column("section_title", sa.String(), nullable=False),
        sa.Column("person", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("initials", sa.String(), nullable=False),
        sa.Column("wording", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.Column("kind", sa.String(), server_default=sa.text("'initialled'"), nullable=False),
        sa.Column("reason", sa.String(), server_default=sa.text("''"), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_signoffs_session_id_id", "signoffs", ["session_id", "id"], unique=False)


def downgrade() -> None:
    raise NotImplementedError("workshop-tui never goes back to an older schema")
