"""Event pages: lists and detail (pages), create/edit/cancel (editing), free slots."""
