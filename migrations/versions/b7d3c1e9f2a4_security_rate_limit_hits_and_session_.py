"""security: rate-limit hits in the database, session generation for sign-out

Revision ID: b7d3c1e9f2a4
Revises: aef53cbd67a0
Create Date: 2026-12-02 18:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d3c1e9f2a4'
down_revision = 'aef53cbd67a0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'rate_limit_hit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=255), nullable=False),
        sa.Column('at', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rate_limit_hit')),
    )
    with op.batch_alter_table('rate_limit_hit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_limit_hit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_rate_limit_hit_key'), ['key'], unique=False)

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_generation', sa.Integer(), server_default='0',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('session_generation')

    with op.batch_alter_table('rate_limit_hit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_limit_hit_key'))
        batch_op.drop_index(batch_op.f('ix_rate_limit_hit_at'))

    op.drop_table('rate_limit_hit')
