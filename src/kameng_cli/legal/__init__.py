"""Legal data and arithmetic: verified law articles, claims, the working-day calendar."""
