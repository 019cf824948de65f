"""How many CommonMark 0.31.2 spec examples each engine passes (a figure, not a test: the
CommonMark profile's own run is tests/core/site/rendering/test_conformance.py).

    .venv/bin/python benchmarks/conformance.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from editor.core.site.rendering.commonmark import CommonMarkRenderer  # noqa: E402
from editor.core.site.rendering.profile import COMMONMARK_CORE  # noqa: E402
from editor.core.site.rendering.python_markdown import PythonMarkdownRenderer  # noqa: E402
from tests.core.site.rendering.conformance.normalize import normalize_html  # noqa: E402

SPEC = REPO / "tests/core/site/rendering/conformance/commonmark-0.31.2.json"


def main() -> None:
    examples = json.loads(SPEC.read_text(encoding="utf-8"))
    engines = {
        "commonmark (markdown-it-py)": CommonMarkRenderer(COMMONMARK_CORE, highlight=False),
        "python-markdown (app profile)": PythonMarkdownRenderer(),
    }
    for name, engine in engines.items():
        passed = sum(
            normalize_html(engine.render(e["markdown"])) == normalize_html(e["html"])
            for e in examples
        )
        print(f"{name}: {passed}/{len(examples)} ({passed / len(examples):.0%})")


if __name__ == "__main__":
    main()
