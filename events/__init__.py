"""Events: the programme's dated activities."""
