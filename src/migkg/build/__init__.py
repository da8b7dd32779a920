"""The build: one release at a time in worker processes, cached, serialised into dump parts with VoID."""
