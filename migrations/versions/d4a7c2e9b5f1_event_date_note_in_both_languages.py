"""event date note in both languages: date_note becomes date_note_en, with date_note_zh

Revision ID: d4a7c2e9b5f1
Revises: e5b7d1f3a9c2
Create Date: 2026-12-06 21:00:00

The note saying which day, time or venue of an event is documented and which was assumed
was English only, so Chinese pages showed it in English (issue #12). The Chinese notes of
the demo come with the next ``helix load-demo``.
"""
from alembic import op
import sqlalchemy as sa


revision = 'd4a7c2e9b5f1'
down_revision = 'e5b7d1f3a9c2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('event') as batch_op:
        batch_op.alter_column('date_note', new_column_name='date_note_en',
                              existing_type=sa.String(length=200), existing_nullable=True)
        batch_op.add_column(sa.Column('date_note_zh', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('event') as batch_op:
        batch_op.drop_column('date_note_zh')
        batch_op.alter_column('date_note_en', new_column_name='date_note',
                              existing_type=sa.String(length=200), existing_nullable=True)
