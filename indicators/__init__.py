"""Indicators of the BRIDGE for Cities paper: recorded values and the ones Helix counts."""
