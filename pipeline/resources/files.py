"""Loading the versioned data files under ``models/``.

The files ship inside the package (``pipeline/models`` is the repository's
``models/`` directory), so they are found with ``importlib.resources`` in an
editable checkout and in an installed wheel alike. Every file is validated by
a pydantic model on load.
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.errors import logger

ModelT = TypeVar("ModelT", bound=BaseModel)


class StrictData(BaseModel):
    """The model of a resource file's entries: an unknown key is an error (a misspelt key would be ignored
    silently otherwise), and the loaded values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ResourceError(RuntimeError):
    """A data file under ``models/`` is missing or invalid."""


def resource(relative_path: str) -> Traversable:
    """Return the packaged data file at ``models/<relative_path>``."""
    path = files("pipeline").joinpath("models")
    for part in relative_path.split("/"):
        path = path.joinpath(part)
    if not path.is_file():
        raise ResourceError(f"missing resource models/{relative_path}")
    return path


def load_json(relative_path: str, model: type[ModelT]) -> ModelT:
    """Load and validate one JSON object from ``models/``."""
    text = resource(relative_path).read_text(encoding="utf-8")
    try:
        return model.model_validate_json(text)
    except ValidationError as error:
        raise ResourceError(f"models/{relative_path} is invalid: {error}") from error


def load_jsonl(relative_path: str, model: type[ModelT]) -> list[ModelT]:
    """Load and validate a JSONL file from ``models/``; blank and ``//`` lines are skipped."""
    return parse_jsonl(resource(relative_path).read_text(encoding="utf-8"), model, relative_path)


class ResourceReader:
    """Reads data files from ``models/``, or from a saved pipeline's copy of them, and remembers
    what it read, so a component can write exactly its resources with ``to_disk``.

    ``root`` None means the packaged ``models/``; otherwise a folder laid out like ``models/``.
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.texts: dict[str, str] = {}

    def text(self, relative_path: str) -> str:
        if relative_path not in self.texts:
            if self.root is None:
                self.texts[relative_path] = resource(relative_path).read_text(encoding="utf-8")
            else:
                path = self.root.joinpath(*relative_path.split("/"))
                if not path.is_file():
                    raise ResourceError(f"missing resource {path}")
                self.texts[relative_path] = path.read_text(encoding="utf-8")
        return self.texts[relative_path]

    def json(self, relative_path: str, model: type[ModelT]) -> ModelT:
        """One JSON object, validated by ``model``."""
        try:
            return model.model_validate_json(self.text(relative_path))
        except ValidationError as error:
            raise ResourceError(f"models/{relative_path} is invalid: {error}") from error

    def jsonl(self, relative_path: str, model: type[ModelT]) -> list[ModelT]:
        """A JSONL file, each line validated by ``model``; blank and ``//`` lines are skipped."""
        return parse_jsonl(self.text(relative_path), model, relative_path)

    def save(self, folder: Path) -> None:
        """Write every file read so far under ``folder`` (same relative paths)."""
        for relative_path, text in sorted(self.texts.items()):
            target = folder.joinpath(*relative_path.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def parse_jsonl(text: str, model: type[ModelT], relative_path: str) -> list[ModelT]:
    rows: list[ModelT] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            rows.append(model.model_validate(json.loads(stripped)))
        except (ValidationError, json.JSONDecodeError) as error:
            raise ResourceError(f"models/{relative_path}:{number} is invalid: {error}") from error
    logger.debug("loaded %d rows from models/%s", len(rows), relative_path)
    return rows
