"""Plain modules shared by the build hooks, scripts/ and tests/."""
