"""Missions: delegations' trips and online programmes."""
