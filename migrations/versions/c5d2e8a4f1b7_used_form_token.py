"""used_form_token: one-time create-form tokens (a double-submitted create makes one record)

Revision ID: c5d2e8a4f1b7
Revises: c4a9e1f7d2b3
Create Date: 2026-12-06 21:00:00

Each create form carries a random token; the token is inserted, as this table's primary
key, in the transaction that creates the record, so the database refuses a second use.
"""
from alembic import op
import sqlalchemy as sa


revision = 'c5d2e8a4f1b7'
down_revision = 'c4a9e1f7d2b3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('used_form_token',
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_used_form_token'))
    )
    op.create_index(op.f('ix_used_form_token_used_at'), 'used_form_token', ['used_at'],
                    unique=False)


def downgrade():
    op.drop_index(op.f('ix_used_form_token_used_at'), table_name='used_form_token')
    op.drop_table('used_form_token')
