"""SHACL validation: the engine, readable reports, the check across releases, card locations."""
