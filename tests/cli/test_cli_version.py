"""``orewire --version`` and ``python -m pipeline``."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

from pipeline.cli import main
from pipeline.components.nlp import default_model_name
from pipeline.version import __version__


def test_version_names_orewire_and_the_default_model(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    model = default_model_name()
    assert capsys.readouterr().out == f"orewire {__version__} (spaCy model {model} {version(model)})\n"


def test_version_says_when_the_model_is_missing(capsys, monkeypatch):
    monkeypatch.setenv("OREWIRE_MODEL", "xx_no_such_model")
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"orewire {__version__} (spaCy model xx_no_such_model not installed)\n"


@pytest.mark.parametrize("module", ["pipeline", "pipeline.cli"])
def test_python_m_runs_the_cli(module):
    done = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"orewire {__version__} ")
    bare = subprocess.run([sys.executable, "-m", module], capture_output=True, text=True, timeout=120)
    assert bare.returncode == 2 and "Commands:" in bare.stderr and "render" in bare.stderr
