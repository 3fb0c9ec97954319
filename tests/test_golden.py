"""End-to-end golden check: a fresh extraction of seeds/ and the article fixtures is byte-identical
to fixtures/golden (regenerate with ``python benchmarks/golden.py --write`` for an intended change)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("golden", ROOT / "benchmarks" / "golden.py")
assert _spec is not None and _spec.loader is not None
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def test_extraction_is_byte_identical_to_golden(tmp_path: Path) -> None:
    golden.extract_all(tmp_path)
    assert sorted(path.name for path in tmp_path.glob("*.jsonl")) == sorted(path.name for path in golden.GOLDEN.glob("*.jsonl"))
    assert golden.differing_files(golden.GOLDEN, tmp_path) == []


def test_golden_check_notices_a_changed_byte(tmp_path: Path) -> None:
    for path in golden.GOLDEN.glob("*.jsonl"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    target = tmp_path / "seeds.jsonl"
    target.write_bytes(target.read_bytes().replace(b'"entity"', b'"entitY"', 1))
    assert golden.differing_files(golden.GOLDEN, tmp_path) == ["seeds.jsonl"]
