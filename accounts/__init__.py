"""User accounts, sign-in, roles and the permission check every write goes through."""
