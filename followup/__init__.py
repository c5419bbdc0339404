"""After an event: minutes, attachments and action items."""
