"""indicators: recorded values per partnership or city and year

Revision ID: b3e8f1a6c2d9
Revises: a9c4e2d7b1f0
Create Date: 2026-12-03 12:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b3e8f1a6c2d9'
down_revision = 'a9c4e2d7b1f0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'indicator_value',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('partnership_id', sa.Integer(), nullable=True),
        sa.Column('city_id', sa.Integer(), nullable=True),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('value', sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column('source', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['partnership_id'], ['partnership.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['city_id'], ['city.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('indicator_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_value_partnership_id'),
                              ['partnership_id'], unique=False)


def downgrade():
    with op.batch_alter_table('indicator_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_value_partnership_id'))
    op.drop_table('indicator_value')
