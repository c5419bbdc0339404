"""Organisations: government bodies, companies, universities, civil society; their helix roles."""
