"""The outbox: e-mails written in the same transaction as the change that caused them,
delivered by a background worker (huey) with retries, back-off and one send per row.

Modules: ``models`` (the table), ``retry`` (pure: back-off, error classes, header text),
``enqueue`` (writing rows from the session hooks), ``delivery`` (claim, send, mark),
``queue`` (the huey instance and its tasks), ``services`` (organiser actions), ``blueprint``.
"""
