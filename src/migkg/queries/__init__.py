"""The query catalogue, typed parameters, and running a query on a store."""
