"""Public registration for events (capacity, waiting list, approval) and event reminders."""
