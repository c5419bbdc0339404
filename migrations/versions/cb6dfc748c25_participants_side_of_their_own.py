"""A participant's side of their own (Europe, China, international), filled from the city

Revision ID: cb6dfc748c25
Revises: b3e8f1a6c2d9
Create Date: 2026-12-03 12:28:50.986134

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'cb6dfc748c25'
down_revision = 'b3e8f1a6c2d9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('side', sa.String(length=16), nullable=True))
    # Existing people take their city's side, else their organisation's city's.
    op.execute(
        "UPDATE participant SET side = COALESCE("
        "(SELECT city.side FROM city WHERE city.id = participant.city_id), "
        "(SELECT city.side FROM organisation JOIN city ON city.id = organisation.city_id "
        "WHERE organisation.id = participant.organisation_id))")


def downgrade():
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_column('side')
