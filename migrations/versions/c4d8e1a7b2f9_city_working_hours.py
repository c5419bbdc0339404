"""programme: each city's working hours and days for the webinar slot finder

Revision ID: c4d8e1a7b2f9
Revises: d7f3b1e9c2a5
Create Date: 2026-12-06 21:10:00

Until now every city worked 09:00–18:00, Monday to Friday, written into the finder; the
columns start with those values and the city form edits them.
"""
from alembic import op
import sqlalchemy as sa


revision = 'c4d8e1a7b2f9'
down_revision = 'd7f3b1e9c2a5'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('city') as batch:
        batch.add_column(sa.Column('work_start', sa.Time(), nullable=False,
                                   server_default='09:00:00'))
        batch.add_column(sa.Column('work_end', sa.Time(), nullable=False,
                                   server_default='18:00:00'))
        batch.add_column(sa.Column('work_days', sa.String(length=7), nullable=False,
                                   server_default='01234'))


def downgrade():
    with op.batch_alter_table('city') as batch:
        batch.drop_column('work_days')
        batch.drop_column('work_end')
        batch.drop_column('work_start')
