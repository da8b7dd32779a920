"""Release cards and the registry as typed Python data: reading, evidence, references. No RDF here."""
