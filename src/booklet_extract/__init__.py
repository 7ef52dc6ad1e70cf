"""booklet-extract: designer-made PDF booklets -> clean, schema-checked JSON.

>>> from booklet_extract import extract   # doctest: +SKIP
>>> booklet = extract("samples/learning-city-award-2019.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

import logging

from ._version import __version__
from .errors import BookletError
from .models import Booklet

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Booklet", "BookletError", "__version__"]
