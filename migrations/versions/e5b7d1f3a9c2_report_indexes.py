"""reports: covering index of invitations by event and status; missions by partnership

Revision ID: e5b7d1f3a9c2
Revises: c4d8e2a6f1b3
Create Date: 2026-12-06 21:15:00

At 100,000 events (500,000 invitations) the helix report of a city read the whole
invitation table (a parallel sequential scan, 290 ms on PostgreSQL) to find the 12,500
invitations of its 2,500 events: with (event_id, status, participant_id) that is an
index-only scan (105 ms). A partnership's missions were a sequential scan of the missions.
"""
from alembic import op


revision = 'e5b7d1f3a9c2'
down_revision = 'c4d8e2a6f1b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('invitation') as batch_op:
        batch_op.create_index('ix_invitation_event_id_status',
                              ['event_id', 'status', 'participant_id'], unique=False)
    with op.batch_alter_table('mission') as batch_op:
        batch_op.create_index(batch_op.f('ix_mission_partnership_id'), ['partnership_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('mission') as batch_op:
        batch_op.drop_index(batch_op.f('ix_mission_partnership_id'))
    with op.batch_alter_table('invitation') as batch_op:
        batch_op.drop_index('ix_invitation_event_id_status')
