"""partnerships: several European cities, stage history, archiving

Revision ID: f3a1c7e9b2d4
Revises: c6d2a9e4f1b8
Create Date: 2026-12-04 18:45:00

A partnership's European city moves from ``partnership.eu_city_id`` into the new secondary
table ``partnership_eu_city`` (one row per partnership, so nothing is lost), then the column
is dropped. ``partnership_stage`` keeps the dated stage history (each partnership's current
stage becomes its first entry, dated from its start, else today) and ``archived_at`` marks
archived partnerships (they are never deleted).
"""
from datetime import date

from alembic import op
import sqlalchemy as sa


revision = 'f3a1c7e9b2d4'
down_revision = 'c6d2a9e4f1b8'
branch_labels = None
depends_on = None

partnership = sa.table('partnership', sa.column('id', sa.Integer),
                       sa.column('eu_city_id', sa.Integer), sa.column('stage', sa.String),
                       sa.column('start_date', sa.Date))


def upgrade():
    eu_city = op.create_table(
        'partnership_eu_city',
        sa.Column('partnership_id', sa.Integer(), nullable=False),
        sa.Column('city_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['city_id'], ['city.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['partnership_id'], ['partnership.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('partnership_id', 'city_id'),
    )
    stage = op.create_table(
        'partnership_stage',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('partnership_id', sa.Integer(), nullable=False),
        sa.Column('stage', sa.String(length=12), nullable=False),
        sa.Column('changed_on', sa.Date(), nullable=False),
        sa.Column('note', sa.String(length=500), nullable=True),
        sa.Column('changed_by', sa.String(length=254), nullable=True),
        sa.ForeignKeyConstraint(['partnership_id'], ['partnership.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_partnership_stage_partnership_id'), 'partnership_stage',
                    ['partnership_id'], unique=False)
    op.execute(eu_city.insert().from_select(
        ['partnership_id', 'city_id'],
        sa.select(partnership.c.id, partnership.c.eu_city_id)
        .where(partnership.c.eu_city_id.isnot(None))))
    rows = op.get_bind().execute(sa.select(partnership.c.id, partnership.c.stage,
                                           partnership.c.start_date)).all()
    if rows:
        op.bulk_insert(stage, [{'partnership_id': row.id, 'stage': row.stage,
                                'changed_on': row.start_date or date.today()}
                               for row in rows])
    with op.batch_alter_table('partnership') as batch_op:
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_column('eu_city_id')


def downgrade():
    with op.batch_alter_table('partnership') as batch_op:
        batch_op.add_column(sa.Column('eu_city_id', sa.Integer(), nullable=True))
        batch_op.drop_column('archived_at')
    eu_city = sa.table('partnership_eu_city', sa.column('partnership_id', sa.Integer),
                       sa.column('city_id', sa.Integer))
    first = (sa.select(sa.func.min(eu_city.c.city_id))
             .where(eu_city.c.partnership_id == partnership.c.id).scalar_subquery())
    op.execute(partnership.update().values(eu_city_id=first))
    with op.batch_alter_table('partnership') as batch_op:
        batch_op.create_foreign_key('fk_partnership_eu_city_id_city', 'city',
                                    ['eu_city_id'], ['id'])
    op.drop_index(op.f('ix_partnership_stage_partnership_id'), table_name='partnership_stage')
    op.drop_table('partnership_stage')
    op.drop_table('partnership_eu_city')
