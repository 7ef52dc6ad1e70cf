"""booklet-extract: designer-made PDF booklets -> clean, schema-checked JSON.

>>> from booklet_extract import parse_text
>>> booklet = parse_text("1. Ruritania, Strelsau\\nCity population: 1,200 (2020)\\n")
>>> booklet.cities[0].city, booklet.cities[0].stats.population.value
('Strelsau', 1200)
"""

from __future__ import annotations

import logging

from ._version import __version__
from .errors import BookletError
from .models import Booklet
from .pipeline import extract, parse_text

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Booklet", "BookletError", "__version__", "extract", "parse_text"]
