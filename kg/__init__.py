"""helsekg: a knowledge graph of public money and governance in Norwegian health administration."""

__version__ = "0.1.0"
