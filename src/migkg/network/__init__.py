"""Actor networks for analysts: networkx graphs from the network queries, measures, exports, pictures.

In a notebook, on the folder ``migkg build`` wrote (or an endpoint: ``network.load("http://localhost:7878/query")``)::

    >>> from migkg import network
    >>> nets = network.load("build")
    >>> g = nets["co-participation"]        # a networkx graph; nodes are IRIs
    >>> table = network.measure_table(g)    # degree, betweenness, PageRank, Louvain community, brokerage
    >>> table[0]["label"], table[0]["degree"]
    ('Afghanistan', 16)

The networks are defined in SPARQL (``queries/network/*.rq``) and built by :mod:`.graphs`;
:mod:`.measures` computes the measures, :mod:`.export` writes GraphML, GEXF, node-link JSON and CSV,
:mod:`.draw` draws PNG and SVG pictures, and :mod:`.html` writes a single-file interactive view.
"""
from migkg.network.graphs import COMBINED, NETWORK_NAMES, QUERY_NETWORKS, Networks, load, networks, open_source
from migkg.network.measures import MEASURES, add_measures, measure_table, ties_by_side

__all__ = ["COMBINED", "MEASURES", "NETWORK_NAMES", "QUERY_NETWORKS", "Networks", "add_measures", "load",
           "measure_table", "networks", "open_source", "ties_by_side"]
