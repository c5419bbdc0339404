"""The programme's reference data: cities, themes, partnerships and outcomes."""
