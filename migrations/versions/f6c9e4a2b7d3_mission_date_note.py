"""mission date note in both languages (date_note_en, date_note_zh)

Revision ID: f6c9e4a2b7d3
Revises: e5b8d3f1a9c6
Create Date: 2026-12-06 21:30:00

A delegation's days are often not documented (the seeds give a month): the note says which
days are documented and which were assumed, on the mission page and the printed itinerary
(issue #12). The demo's notes come with the next ``helix load-demo``.
"""
from alembic import op
import sqlalchemy as sa


revision = 'f6c9e4a2b7d3'
down_revision = 'e5b8d3f1a9c6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('mission') as batch_op:
        batch_op.add_column(sa.Column('date_note_en', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('date_note_zh', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('mission') as batch_op:
        batch_op.drop_column('date_note_zh')
        batch_op.drop_column('date_note_en')
