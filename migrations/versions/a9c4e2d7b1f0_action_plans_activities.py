"""action plans: activities with their events, missions and outputs

Revision ID: a9c4e2d7b1f0
Revises: e13a7c2b9d01
Create Date: 2026-12-03 12:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a9c4e2d7b1f0'
down_revision = 'e13a7c2b9d01'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'activity',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('partnership_id', sa.Integer(), nullable=False),
        sa.Column('title_en', sa.String(length=300), nullable=True),
        sa.Column('title_zh', sa.String(length=300), nullable=True),
        sa.Column('theme_id', sa.Integer(), nullable=True),
        sa.Column('owner_city_id', sa.Integer(), nullable=True),
        sa.Column('owner_organisation_id', sa.Integer(), nullable=True),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(['partnership_id'], ['partnership.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['owner_city_id'], ['city.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['owner_organisation_id'], ['organisation.id'],
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_partnership_id'), ['partnership_id'],
                              unique=False)
    for name, other in (('activity_event', 'event'), ('activity_mission', 'mission'),
                        ('activity_outcome', 'outcome')):
        op.create_table(
            name,
            sa.Column('activity_id', sa.Integer(), nullable=False),
            sa.Column(f'{other}_id', sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='CASCADE'),
            sa.ForeignKeyConstraint([f'{other}_id'], [f'{other}.id'], ondelete='CASCADE'),
            sa.PrimaryKeyConstraint('activity_id', f'{other}_id'),
        )


def downgrade():
    for name in ('activity_outcome', 'activity_mission', 'activity_event'):
        op.drop_table(name)
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_partnership_id'))
    op.drop_table('activity')
