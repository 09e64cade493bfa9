"""Generated models behave as the spec says: discriminated unions, recursion, wire-name aliases,
enum names and spec defaults (tests/fixtures/handwritten/features.json, no server needed)."""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pydantic
import pytest

from support import REPO_ROOT, clientgen_binary

FEATURES = REPO_ROOT / "tests" / "fixtures" / "handwritten" / "features.json"


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The schemas package of the package generated from features.json."""
    folder = tmp_path_factory.mktemp("features")
    out = folder / "features_client"
    subprocess.run(
        [str(clientgen_binary()), "generate", "-f", str(FEATURES), "--python-out", str(out)], check=True
    )
    sys.path.insert(0, str(folder))
    import features_client.schemas as module

    yield module
    sys.path.remove(str(folder))


def test_discriminator_picks_the_variant(schemas: ModuleType) -> None:
    adapter = pydantic.TypeAdapter(schemas.Pet)
    cat = adapter.validate_python({"pet_type": "cat", "name": "Tom"})
    dog = adapter.validate_python({"pet_type": "dog", "name": "Rex", "good": True})
    assert isinstance(cat, schemas.Cat) and cat.lives == 9
    assert isinstance(dog, schemas.Dog) and dog.good is True
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"pet_type": "cow", "name": "Bess"})


def test_recursive_model_parses_nested_trees(schemas: ModuleType) -> None:
    tree = schemas.Tree.model_validate({"value": 1, "children": [{"value": 2, "children": []}], "parent": None})
    assert tree.children[0].value == 2 and tree.parent is None


def test_wire_names_that_are_not_identifiers_round_trip(schemas: ModuleType) -> None:
    wire = {"+1": 1, "-1": 2, "@type": "tree", "$ref": "r", "class": "c", "json": "j", "userId": "a", "user_id": "b"}
    tree = schemas.Tree.model_validate(wire)
    assert (tree.plus_1, tree.minus_1, tree.class_, tree.json_, tree.user_id, tree.user_id_2) == (1, 2, "c", "j", "a", "b")
    assert tree.at_type is schemas.TreeAtType.TREE
    assert json.loads(tree.model_dump_json(by_alias=True, exclude_unset=True)) == wire


def test_models_are_built_by_python_names(schemas: ModuleType) -> None:
    tree = schemas.Tree(plus_1=5, class_="x")
    assert tree.model_dump(by_alias=True, exclude_unset=True) == {"+1": 5, "class": "x"}


def test_enum_names_are_unique_and_keep_their_values(schemas: ModuleType) -> None:
    assert [(m.name, m.value) for m in schemas.Kind] == [
        ("A_B", "a-b"),
        ("A_B_2", "A_B"),
        ("EMPTY", ""),
        ("NONE", "None"),
        ("VALUE_1ST", "1st"),
    ]
    assert [(m.name, m.value) for m in schemas.Level] == [("LOW", 1), ("HIGH", 2), ("UNKNOWN", -1)]


def test_recursive_union_alias_validates(schemas: ModuleType) -> None:
    value = {"a": [1.5, "x", {"b": []}]}
    assert pydantic.TypeAdapter(schemas.Json).validate_python(value) == value


def test_descriptions_cannot_break_out_of_docstrings(schemas: ModuleType) -> None:
    assert schemas.Tree.__doc__ == 'A recursive node. */ """ end'
    for module in Path(schemas.__file__).parent.glob("*.py"):
        compile(module.read_text(), module.name, "exec")


def test_importing_the_schemas_builds_no_model(tmp_path: Path) -> None:
    out = tmp_path / "lazy_client"
    subprocess.run([str(clientgen_binary()), "generate", "-f", str(FEATURES), "--python-out", str(out)], check=True)
    probe = (
        "import sys\n"
        "import lazy_client.client, lazy_client.schemas as s\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('lazy_client.schemas.'))\n"
        "assert loaded == [], loaded\n"
        "assert s.Tree.model_validate({'children': [{'children': []}]}).children\n"
        "assert 'lazy_client.schemas._tree' in sys.modules\n"
        "assert 'Tree' in dir(s)\n"
        "try:\n"
        "    s.NoSuchModel\n"
        "except AttributeError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('no AttributeError')\n"
    )
    subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, check=True)
