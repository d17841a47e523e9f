"""MkDocs hook: draw the pictures the pages show from the code, before each build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

IMAGES = Path(__file__).parent / "images"


def on_pre_build(config: Any) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sinorus import plot

    IMAGES.mkdir(exist_ok=True)
    pictures = {
        "timeline.png": plot.timeline(),
        "timeline-since-1989.png": plot.timeline(since="1989-01-01"),
        "trade.png": plot.trade(),
    }
    for name, (figure, _) in pictures.items():
        figure.savefig(IMAGES / name, dpi=160)
    plt.close("all")
