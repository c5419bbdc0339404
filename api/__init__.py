"""The versioned JSON API under ``/api/v1/`` (issue #14), built with flask-smorest."""
