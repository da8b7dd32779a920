"""The vocabulary, the derivation rules and where migkg finds its own resource files."""
