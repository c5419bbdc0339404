"""cities and themes can be archived: archived_at on city and theme (#12)

Revision ID: f3a1c7d9e2b4
Revises: f7a1c3e5b9d2
Create Date: 2026-12-04 18:40:00

Reference data is never deleted (events, missions and partnerships refer to it): an
archived city or theme stays on its pages and history but leaves the choice lists.
"""
from alembic import op
import sqlalchemy as sa


revision = 'f3a1c7d9e2b4'
down_revision = 'f7a1c3e5b9d2'
branch_labels = None
depends_on = None

TABLES = ('city', 'theme')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column('archived_at', sa.DateTime(timezone=True),
                                          nullable=True))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('archived_at')
