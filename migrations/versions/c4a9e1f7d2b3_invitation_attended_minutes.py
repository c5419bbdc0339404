"""invitations: minutes attended, from an imported webinar attendance report

Revision ID: c4a9e1f7d2b3
Revises: c4d8e2a6f1b3
Create Date: 2026-12-06 21:00:00

Zoom, Teams and Tencent Meeting reports say how long each person stayed; the import
keeps it on the invitation it marks attended (empty for every existing row).
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4a9e1f7d2b3'
down_revision = 'c4d8e2a6f1b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('invitation') as batch:
        batch.add_column(sa.Column('attended_minutes', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('invitation') as batch:
        batch.drop_column('attended_minutes')
