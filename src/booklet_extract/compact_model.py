"""A pydantic base model whose instances share their set of given field names.

Pydantic keeps, on every model instance, a set of the names of the fields that
were given (`model_fields_set`). Sets are large (216 bytes for up to four names,
728 for a flag's eight): in a long booklet, with a provenance, a page box and an
initiative per item and thousands of flags, those sets were a quarter of the
output models' memory, and the models were the top of its peak. Instances given
the same names share one read-only set instead; the models read as before.
Anything that changes the set (assigning a field, `model_copy(update=...)`)
first gets a private copy of its own, so nothing shared is ever changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel


class SharedNames(set[str]):
    """A set of field names shared by many instances: never changed (its changing
    methods raise), and copying it gives a private set. A `set` still, since
    pydantic's serializer reads it as one (`exclude_unset`)."""

    __slots__ = ()

    def _shared(self, *args: object) -> None:
        raise TypeError("a model's shared set of field names is not changed in place")

    add = discard = remove = pop = clear = update = _shared  # type: ignore[assignment]
    difference_update = intersection_update = symmetric_difference_update = _shared
    __ior__ = __iand__ = __isub__ = __ixor__ = _shared  # type: ignore[assignment]

    def __copy__(self) -> set[str]:
        # pydantic copies the set for a copied model (then may add to it): a real set.
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)

    def __reduce__(self) -> tuple[Callable[[Iterable[str]], SharedNames], tuple[list[str]]]:
        return shared_names, (sorted(self),)  # unpickled (a batch's worker's result) shared again


_SHARED: dict[frozenset[str], SharedNames] = {}
"""One `SharedNames` per set of names (a handful: one or two per model class)."""

_FIELDS_SET = "__pydantic_fields_set__"


def shared_names(names: Iterable[str]) -> SharedNames:
    """The one shared copy of `names`."""
    key = frozenset(names)
    shared = _SHARED.get(key)
    if shared is None:
        shared = SharedNames()
        set.update(shared, key)  # its own `update` refuses
        shared = _SHARED.setdefault(key, shared)
    return shared


class CompactModel(BaseModel):
    """A `BaseModel` whose instances hold the shared set of their given field names."""

    def model_post_init(self, context: Any, /) -> None:
        object.__setattr__(self, _FIELDS_SET, shared_names(getattr(self, _FIELDS_SET)))

    def __setattr__(self, name: str, value: Any) -> None:
        names = getattr(self, _FIELDS_SET, None)
        if type(names) is SharedNames:  # pydantic adds the name to the set: make it ours first
            object.__setattr__(self, _FIELDS_SET, set(names))
        super().__setattr__(name, value)
