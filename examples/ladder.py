"""The partnership ladder: every official designation and the document that adopted it."""

import sinorus

data = sinorus.load()
for level in data.partnership_levels:
    until = level.end or "today"
    adopted_by = data.get(level.adopted_by).name if level.adopted_by else "—"
    print(f"{level.start} – {until}: {level.name}")
    print(f"    adopted by: {adopted_by}")
    for alias in level.aliases:
        print(f"    also rendered: {alias}")
