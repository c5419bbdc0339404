"""city cohort as a period: cohort_end_year beside cohort_year (the 2014–2016 cohort)

Revision ID: c6d2a9e4f1b8
Revises: b3c8e1f4a7d2
Create Date: 2026-12-04 16:30:00

The first IUC cohort ran 2014–2016; the demo stored it as 2015 and pages said "since 2015".
The demo's cities of that cohort are corrected here too, so an existing database is right
without reloading the demo.
"""
from alembic import op
import sqlalchemy as sa


revision = 'c6d2a9e4f1b8'
down_revision = 'b3c8e1f4a7d2'
branch_labels = None
depends_on = None

FIRST_COHORT = ("barcelona", "lyon", "dublin", "birmingham", "lazio", "wroclaw",
                "tianjin", "wuhan", "chengdu", "guangzhou")


def upgrade():
    with op.batch_alter_table('city') as batch_op:
        batch_op.add_column(sa.Column('cohort_end_year', sa.Integer(), nullable=True))
    city = sa.table('city', sa.column('slug', sa.String), sa.column('cohort_year', sa.Integer),
                    sa.column('cohort_end_year', sa.Integer))
    op.execute(city.update().where(city.c.slug.in_(FIRST_COHORT), city.c.cohort_year == 2015)
               .values(cohort_year=2014, cohort_end_year=2016))


def downgrade():
    with op.batch_alter_table('city') as batch_op:
        batch_op.drop_column('cohort_end_year')
