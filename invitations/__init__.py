"""Invitations of participants to events and missions, their answers and attendance."""
