"""follow-up of an event: minutes, attachments, action items

Revision ID: f7a1c3e5b9d2
Revises: a7f3c9e2d5b1
Create Date: 2026-12-04 18:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'f7a1c3e5b9d2'
down_revision = "a7f3c9e2d5b1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('event_minutes',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('minutes_en', sa.Text(), nullable=True),
    sa.Column('minutes_zh', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id')
    )
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=210), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('stored_name')
    )
    op.create_index('ix_attachment_event_id', 'attachment', ['event_id'], unique=False)
    op.create_table('action_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('owner_name', sa.String(length=200), nullable=True),
    sa.Column('owner_participant_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_participant_id'], ['participant.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_action_item_event_id', 'action_item', ['event_id'], unique=False)
    op.create_index('ix_action_item_status', 'action_item', ['status'], unique=False)


def downgrade():
    op.drop_index('ix_action_item_status', table_name='action_item')
    op.drop_index('ix_action_item_event_id', table_name='action_item')
    op.drop_table('action_item')
    op.drop_index('ix_attachment_event_id', table_name='attachment')
    op.drop_table('attachment')
    op.drop_table('event_minutes')
