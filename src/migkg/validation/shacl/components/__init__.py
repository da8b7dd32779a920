"""The constraint components, one module per family as the SHACL spec's section 4 groups them.

Importing this package registers every component in :data:`migkg.validation.shacl.registry.COMPILERS`.
"""
from migkg.validation.shacl.components import (  # noqa: F401 (imported for their registrations)
    cardinality,
    logical,
    other,
    property_pair,
    shape_based,
    string_based,
    value_range,
    value_type,
)
