"""Helpers shared by test modules (import them from here, not from conftest: several conftest
modules exist in the tree and the name is ambiguous)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


def load_script(name: str, path: Path | None = None) -> ModuleType:
    """A script as a module (a ``benchmarks/`` one unless ``path`` names another), registered under its name
    (dataclasses resolve their module by name)."""
    spec = importlib.util.spec_from_file_location(name, path or ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def make_block_doc(nlp, text: str, *, zone: str = "body", reference: str | None = "2025-12-12", section=None):
    """A block Doc with its context set, run through the whole pipeline (for stage tests)."""
    doc = nlp.make_doc(text)
    doc._.orewire_block = {"offset": 0, "zone": zone, "section": section, "reference": reference, "doc_id": "t"}
    return nlp(doc)


def read_seed_articles() -> list:
    """Every seed as an ``Article``: ``.txt`` files by name, JSONL lines with their metadata."""
    import json

    from pipeline import Article

    articles = []
    for path in sorted(SEEDS.iterdir()):
        if path.suffix == ".txt":
            articles.append(Article(doc_id=path.name, text=path.read_text(encoding="utf-8"), source=path.name))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                articles.append(
                    Article(
                        doc_id=item["id"],
                        text=item["text"],
                        source=item.get("source"),
                        url=item.get("url"),
                        title=item.get("title"),
                        published=item.get("published"),
                    )
                )
    return articles


def run_fresh_python(code: str) -> str:
    """Run ``code`` in a new interpreter (nothing of ``pipeline`` imported yet) and return its
    stripped stdout; the test fails with the child's stderr if it exits non-zero."""
    import subprocess
    import sys

    completed = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout.strip()


def ents(doc) -> list[tuple[str, str]]:
    """(text, label) of a Doc's entities, in order."""
    return [(e.text, e.label_) for e in doc.ents]


def normalized(doc) -> set[tuple[str, str]]:
    """(normalised name, label) of a Doc's entities."""
    return {(e._.orewire_entity["normalized"], e.label_) for e in doc.ents}


def entity_record(text: str, start: int, label: str = "ORG", kb_id: str | None = None):
    """A body entity record of document "d" whose name is its text (for the linking tests)."""
    from pipeline.schema.records import EntityRecord

    return EntityRecord(id=f"d#entity:{start}-{start + len(text)}", doc_id="d", text=text, start=start,
                        end=start + len(text), sentence=0, section=None, zone="body", label=label,
                        normalized=text, kb_id=kb_id)


def policy_entity(start: int, text: str, label: str = "ORG", *, sentence: int = 0, zone: str = "body",
                  section: str | None = None, kb_id: str | None = None, normalized: str | None = None):
    """An entity record of document "d" at ``start`` (for the event policy tests)."""
    from pipeline.schema.records import EntityRecord

    return EntityRecord(id=f"d#entity:{start}-{start + len(text)}", doc_id="d", text=text, start=start,
                        end=start + len(text), sentence=sentence, section=section, zone=zone, label=label,
                        normalized=normalized or text, kb_id=kb_id)


def event_record(start: int, event_type: str, *arguments: tuple, sentence: int = 1, zone: str = "body",
                 section: str | None = None):
    """An event record of document "d" with a 4-character trigger at ``start`` and ``(role, text, ref)`` arguments."""
    from pipeline.schema.records import Argument, EventRecord, Mention, Trigger

    return EventRecord(id=f"d#event:{start}-{start + 4}:{event_type}", doc_id="d", event_type=event_type,
                       trigger=Trigger(text="xxxx", start=start, end=start + 4), evidence="x", sentence=sentence,
                       section=section, zone=zone, modality="actual", confidence=0.8,
                       mentions=[Mention(start=start, end=start + 4)],
                       arguments=[Argument(role=role, text=text, ref=ref) for role, text, ref in arguments])


def gold_event(event_type: str, *agents: str):
    """A gold event line of ``event_type`` whose acceptable agents are ``agents``."""
    from pipeline.evaluation.facts import GoldEvent

    return GoldEvent(kind="event", event_type=event_type, agents=list(agents))


def event_json(index: int, event_type: str, agent: str | None = None) -> dict:
    """An event record as written JSON (only the fields the scorer reads), with ``agent`` as its agent's text."""
    arguments = [{"role": "agent", "text": agent, "ref": None}] if agent else []
    return {"type": "event", "id": f"e{index}", "event_type": event_type, "arguments": arguments}


def unread_dev_ids() -> str:
    """The batch after the read dev half, as an id range ("rn719-rn748"): ids the read-half scripts must refuse.
    Taken from ``parts.json`` so that opening a batch for reading does not turn these checks red."""
    from benchmarks.realnews_parts import read_dev_ids

    first = int(read_dev_ids().rsplit("-rn", 1)[1]) + 1
    return f"rn{first}-rn{first + 29}"
