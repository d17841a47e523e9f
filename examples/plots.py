"""Pictures (needs the plot extra): the timeline and the trade chart, saved as PNG files."""

import sys
import tempfile
from pathlib import Path

from sinorus import plot

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
figure, ax = plot.timeline(since="1989-01-01")
figure.savefig(folder / "timeline.png", dpi=120)
figure, ax = plot.trade(since=1992)
ax.set_title("China–Russia trade and the partnership upgrades")  # the axes are yours to style
figure.savefig(folder / "trade.png", dpi=120)
print(f"wrote {folder / 'timeline.png'} and {folder / 'trade.png'}")
