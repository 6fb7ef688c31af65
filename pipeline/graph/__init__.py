"""Stage 6, graph: per-document fragments joined into a networkx graph, exported by registered format. Entry points: `pipeline.graph.build.build_graph`, `pipeline.graph.export`."""
