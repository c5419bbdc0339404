"""Calendar export: iCalendar files, subscribable feeds and iTIP e-mail invitations."""
