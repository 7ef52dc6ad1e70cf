"""The output models share their set of given field names (memory), and still
behave as pydantic models do: assigning, copying, pickling, `exclude_unset`."""

from __future__ import annotations

import copy
import pickle

import pytest

from booklet_extract.compact_model import SharedNames
from booklet_extract.models import Flag, PageBox, Provenance


def test_instances_given_the_same_fields_share_one_set() -> None:
    a, b = PageBox(page=1, bbox=[0, 1, 2, 3]), PageBox(page=2, bbox=[4, 5, 6, 7])
    assert a.model_fields_set is b.model_fields_set
    assert a.model_fields_set == {"page", "bbox"}
    assert Provenance(lines=[1]).model_fields_set == {"lines"}


def test_the_shared_set_is_never_changed_in_place() -> None:
    names = Provenance(lines=[1]).model_fields_set
    assert isinstance(names, SharedNames)
    with pytest.raises(TypeError):
        names.add("pages")
    with pytest.raises(TypeError):
        names |= {"pages"}


def test_assigning_a_field_records_it_on_that_instance_only() -> None:
    a, b = Provenance(lines=[1]), Provenance(lines=[2])
    a.pages = [3]
    assert a.model_fields_set == {"lines", "pages"}
    assert b.model_fields_set == {"lines"}
    assert a.model_dump(exclude_unset=True) == {"lines": [1], "pages": [3]}
    assert b.model_dump(exclude_unset=True) == {"lines": [2]}


def test_copies_get_a_set_of_their_own() -> None:
    box = PageBox(page=1, bbox=[0, 1, 2, 3])
    moved = box.model_copy(update={"page": 2})
    assert moved.page == 2 and box.page == 1
    deep = copy.deepcopy(Provenance(lines=[1]))
    deep.pages = [1]
    assert Provenance(lines=[5]).model_fields_set == {"lines"}


def test_pickled_models_come_back_equal_and_sharing() -> None:
    flag = Flag(kind="duplicate", message="m", line=3)
    back = pickle.loads(pickle.dumps(flag))
    assert back == flag
    assert back.model_fields_set is flag.model_fields_set
    back.city = 1
    assert "city" in back.model_fields_set and "city" not in flag.model_fields_set
