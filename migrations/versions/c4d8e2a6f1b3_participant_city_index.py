"""participants: index on city_id (the city page asks which events a city's people attend)

Revision ID: c4d8e2a6f1b3
Revises: b8e2d4f6a1c3
Create Date: 2026-12-06 21:00:00

At 100,000 events (50,000 participants) the city page's "its people are invited" test read
the whole participant table: 10 ms per list on PostgreSQL, now an index range.
"""
from alembic import op


revision = 'c4d8e2a6f1b3'
down_revision = 'b8e2d4f6a1c3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('participant') as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_city_id'), ['city_id'], unique=False)


def downgrade():
    with op.batch_alter_table('participant') as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_city_id'))
