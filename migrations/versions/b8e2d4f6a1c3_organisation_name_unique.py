"""organisations: one organisation per name, whatever the case (unique index on lower(name_en))

Revision ID: b8e2d4f6a1c3
Revises: f3a1c7d9e2b4
Create Date: 2026-12-06 21:00:00

Two organisers creating "Twin Cluster" at once could both pass the name check and get
different slugs; the database now refuses the second row. Names already repeated (in any
case) get " (2)", " (3)"… on the later rows first, so the index can be built.
"""
from alembic import op
import sqlalchemy as sa


revision = 'b8e2d4f6a1c3'
down_revision = 'f3a1c7d9e2b4'
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(sa.text('SELECT id, name_en FROM organisation ORDER BY id')).all()
    seen: dict[str, int] = {}
    for row_id, name in rows:
        key = name.lower()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            bind.execute(sa.text('UPDATE organisation SET name_en = :name WHERE id = :id'),
                         {'name': f'{name} ({seen[key]})', 'id': row_id})
    op.create_index('uq_organisation_name_en_lower', 'organisation',
                    [sa.text('lower(name_en)')], unique=True)


def downgrade():
    op.drop_index('uq_organisation_name_en_lower', table_name='organisation')
