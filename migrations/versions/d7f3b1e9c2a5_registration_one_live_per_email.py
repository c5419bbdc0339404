"""registrations: one live registration per e-mail and event (partial unique index)

Revision ID: d7f3b1e9c2a5
Revises: c5d2e8a4f1b7
Create Date: 2026-12-06 21:20:00

The public form sent twice at once made two live registrations of one address (and a
500 on the repeated confirmation mail). Live duplicates already stored are merged first:
the one furthest along (accepted, waiting, pending, unconfirmed; the oldest of equals)
stays, the others are cancelled, and a cancelled duplicate's seat is given back.
"""
from alembic import op
import sqlalchemy as sa


revision = 'd7f3b1e9c2a5'
down_revision = 'c5d2e8a4f1b7'
branch_labels = None
depends_on = None

LIVE = ('accepted', 'waiting', 'pending', 'unconfirmed')  # furthest along first
WHERE = "status IN ('unconfirmed', 'pending', 'waiting', 'accepted')"


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        f'SELECT id, event_id, email, status FROM registration WHERE {WHERE} ORDER BY id'
    )).all()
    groups: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for row_id, event_id, email, status in rows:
        groups.setdefault((event_id, email), []).append((row_id, status))
    for (event_id, _email), found in groups.items():
        found.sort(key=lambda item: (LIVE.index(item[1]), item[0]))
        for row_id, status in found[1:]:
            bind.execute(sa.text("UPDATE registration SET status = 'cancelled' WHERE id = :id"),
                         {'id': row_id})
            if status == 'accepted':
                bind.execute(sa.text('UPDATE registration_settings SET taken = taken - 1 '
                                     'WHERE event_id = :event AND taken > 0'),
                             {'event': event_id})
    op.create_index('uq_registration_event_email_live', 'registration', ['event_id', 'email'],
                    unique=True, postgresql_where=sa.text(WHERE), sqlite_where=sa.text(WHERE))


def downgrade():
    op.drop_index('uq_registration_event_email_live', table_name='registration')
