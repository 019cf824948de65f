"""How run.py reports its figures: the table with the budgets' verdicts, and the JSON file."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path


def print_table(
    results: list[dict[str, object]], budgets: dict[str, tuple[float | None, float | None]]
) -> None:
    """The figures as a table, then each budget with `ok` or `OVER`."""
    head = (
        f"{'name':<18}{'unit':>5}{'median':>10}{'min':>10}{'max':>10}{'base':>10}{'ratio':>8}  base"
    )
    print(head, "-" * len(head), sep="\n")
    for r in results:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        base = "" if r["baseline_median"] is None else f"{r['baseline_median']:.2f}"
        print(
            f"{r['name']:<18}{r['unit']:>5}{r['median']:>10.2f}{r['min']:>10.2f}{r['max']:>10.2f}"
            f"{base:>10}{ratio:>8}  {r['baseline']}"
        )
    for r in results:
        most, most_ratio = budgets.get(str(r["name"]), (None, None))
        unit = f" {r['unit']}"
        for value, limit, shown in ((r["median"], most, unit), (r["ratio"], most_ratio, "x")):
            if limit is not None and value is not None:
                verdict = "ok" if value <= limit else "OVER"
                print(
                    f"budget {r['name']}: {value:.2f}{shown}, at most {limit:g}{shown}: {verdict}"
                )


def write_json(results: list[dict[str, object]], out: Path) -> None:
    """The figures, with the machine and the date, as JSON at `out`."""
    machine = {
        "cpus": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
    }
    date = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine, "date": date, "results": results}, indent=2))
    print(f"\nwrote {out}")
