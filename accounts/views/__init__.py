"""Account pages: sign-in and own account (sign_in), user administration (users)."""
