"""feed scopes: one validator per feed scope instead of one for all feeds

Revision ID: b3c8e1f4a7d2
Revises: d4e1a7c3b9f2
Create Date: 2026-12-04 15:05:00

Every committed change used to raise one global generation, which changed every feed's
ETag and emptied every feed cache. Each feed now depends on its own scope (programme,
city, theme, mission, event, participant) and the global one (city and theme names).
The new table starts empty: every feed's ETag changes once, at the upgrade.
"""
from alembic import op
import sqlalchemy as sa



revision = 'b3c8e1f4a7d2'
down_revision = 'd4e1a7c3b9f2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'feed_scope',
        sa.Column('scope', sa.String(length=40), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('scope', name=op.f('pk_feed_scope')),
    )
    op.drop_table('calendar_state')


def downgrade():
    op.create_table(
        'calendar_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_state')),
    )
    op.drop_table('feed_scope')
