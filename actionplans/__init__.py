"""Urban Cooperation Action Plans: the activities a partnership plans, does and measures."""
