"""delegation members: one row per (mission, participant); duplicates merged first

Revision ID: d4e1a7c3b9f2
Revises: cb6dfc748c25
Create Date: 2026-12-03 12:35:00

Parallel adds of one person created several rows. The oldest row of each pair is kept
and completed with the visa and letter dates a later duplicate has and it lacks; the
later duplicates are deleted, then the unique constraint is added.
"""
from alembic import op
import sqlalchemy as sa


revision = 'd4e1a7c3b9f2'
down_revision = 'cb6dfc748c25'
branch_labels = None
depends_on = None

NAME = "uq_delegation_member_mission_participant"
FILLED = ("letter_requested_on", "letter_sent_on", "visa_issued_on")


def _merge_duplicates() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, mission_id, participant_id, letter_requested_on, letter_sent_on, "
        "visa_issued_on FROM delegation_member ORDER BY mission_id, participant_id, id"
    )).mappings().all()
    kept: dict[tuple[int, int], dict] = {}
    for row in rows:
        key = (row["mission_id"], row["participant_id"])
        first = kept.get(key)
        if first is None:
            kept[key] = dict(row)
            continue
        for column in FILLED:
            if first[column] is None and row[column] is not None:
                first[column] = row[column]
                bind.execute(sa.text(f"UPDATE delegation_member SET {column} = :value "
                                     "WHERE id = :id"), {"value": row[column], "id": first["id"]})
        bind.execute(sa.text("DELETE FROM delegation_member WHERE id = :id"), {"id": row["id"]})


def upgrade():
    _merge_duplicates()
    with op.batch_alter_table('delegation_member', schema=None) as batch_op:
        batch_op.create_unique_constraint(NAME, ['mission_id', 'participant_id'])


def downgrade():
    with op.batch_alter_table('delegation_member', schema=None) as batch_op:
        batch_op.drop_constraint(NAME, type_='unique')
