"""Write (or check) the golden end-to-end output: seeds/ and every article fixture, extracted
with fixed options. ``tests/test_golden.py`` compares a fresh extraction to these files byte
for byte, so a refactor that changes any output fails. Regenerate only for an intended change:

    .venv/bin/python benchmarks/golden.py --write
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "fixtures" / "golden"
INPUTS = ("seeds", "fixtures/heldout/articles", "fixtures/bad")
REFERENCE_DATE = "2026-01-15"


def golden_name(relative_input: str) -> str:
    return relative_input.replace("/", "_")


def extract_all(target: Path) -> None:
    """Run the CLI over every golden input from the repository root (ids are relative paths)."""
    target.mkdir(parents=True, exist_ok=True)
    for relative_input in INPUTS:
        name = golden_name(relative_input)
        command = [sys.executable, "-m", "pipeline", "extract", relative_input,
                   "-o", str(target / f"{name}.jsonl"), "--errors", str(target / f"{name}.errors.jsonl"),
                   "--reference-date", REFERENCE_DATE, "--workers", "1", "--quiet"]
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if completed.returncode not in (0, 1):
            raise SystemExit(f"extract {relative_input} failed ({completed.returncode}): {completed.stderr.strip()}")


def differing_files(left: Path, right: Path) -> list[str]:
    names = sorted({path.name for path in left.glob("*.jsonl")} | {path.name for path in right.glob("*.jsonl")})
    return [name for name in names
            if not (left / name).is_file() or not (right / name).is_file()
            or (left / name).read_bytes() != (right / name).read_bytes()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="overwrite fixtures/golden with a fresh extraction")
    args = parser.parse_args()
    if args.write:
        extract_all(GOLDEN)
        print(f"wrote {GOLDEN.relative_to(ROOT)}")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        extract_all(Path(scratch))
        changed = differing_files(GOLDEN, Path(scratch))
    print("identical" if not changed else "changed: " + ", ".join(changed))
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
