"""outcomes: status (planned, signed, in progress, completed), cities and themes

Revision ID: e5b8d3f1a9c6
Revises: d4a7c2e9b5f1
Create Date: 2026-12-06 21:10:00

Every outcome read as signed; the newsletter's pilot projects are planned, under way or
completed (issue #12). Existing rows become "signed", except the two pilot projects the demo
already held: the Liudong concept design is planned (its joint venture is "planned" in the
source, nothing was signed) and the Mannheim – Chongqing railway opened in October 2018.
"""
from alembic import op
import sqlalchemy as sa


revision = 'e5b8d3f1a9c6'
down_revision = 'd4a7c2e9b5f1'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outcome') as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=12), nullable=False,
                                      server_default='signed'))
    op.create_table(
        'outcome_city',
        sa.Column('outcome_id', sa.Integer(), nullable=False),
        sa.Column('city_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['city_id'], ['city.id'],
                                name=op.f('fk_outcome_city_city_id_city'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'],
                                name=op.f('fk_outcome_city_outcome_id_outcome'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('outcome_id', 'city_id', name=op.f('pk_outcome_city')))
    op.create_index(op.f('ix_outcome_city_city_id'), 'outcome_city', ['city_id'])
    op.create_table(
        'outcome_theme',
        sa.Column('outcome_id', sa.Integer(), nullable=False),
        sa.Column('theme_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['outcome_id'], ['outcome.id'],
                                name=op.f('fk_outcome_theme_outcome_id_outcome'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['theme_id'], ['theme.id'],
                                name=op.f('fk_outcome_theme_theme_id_theme'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('outcome_id', 'theme_id', name=op.f('pk_outcome_theme')))
    outcome = sa.table('outcome', sa.column('slug', sa.String), sa.column('status', sa.String),
                       sa.column('signed_on', sa.Date))
    op.execute(outcome.update().where(outcome.c.slug == 'liudong-concept-design')
               .values(status='planned', signed_on=None))
    op.execute(outcome.update().where(outcome.c.slug == 'mannheim-chongqing-cargo-railway')
               .values(status='completed'))


def downgrade():
    op.drop_table('outcome_theme')
    op.drop_index(op.f('ix_outcome_city_city_id'), table_name='outcome_city')
    op.drop_table('outcome_city')
    with op.batch_alter_table('outcome') as batch_op:
        batch_op.drop_column('status')
