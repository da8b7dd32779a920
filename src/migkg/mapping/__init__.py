"""From resolved cards to RDF terms and triples: namespaces, IRIs, the release and registry mappings. Pure."""
