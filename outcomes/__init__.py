"""Outcomes of events and partnerships: MoUs, agreements, pilot projects, joint studies."""
