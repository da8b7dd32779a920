"""Opening a build as a SPARQL store: embedded, remote endpoints over HTTP, serve, publish."""
