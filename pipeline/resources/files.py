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
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from pipeline.errors import logger

ModelT = TypeVar("ModelT", bound=BaseModel)


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
    rows: list[ModelT] = []
    text = resource(relative_path).read_text(encoding="utf-8")
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
