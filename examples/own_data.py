"""Your own data: write a file, load and check it, merge it with the bundled records."""

import json
import tempfile
from pathlib import Path

import sinorus

mine = {
    "schema_version": 1,
    "data_version": "my-coding-1",
    "sources": {"notes": {"title": "My field notes", "url": "https://example.org/notes"}},
    "events": [
        {
            "id": "my-seminar-2019",
            "name": "A seminar on China–Russia relations",
            "start": "2019-06-01",
            "precision": "month",
            "kind": "other",
            "sources": ["notes"],
        }
    ],
}

with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "mine.json"
    path.write_text(json.dumps(mine), encoding="utf-8")
    own = sinorus.load(path)
    combined = sinorus.load().merge(own)
    print(f"{len(combined.events)} events after merging {len(own.events)} of mine")
    print([event.id for event in combined.events.where(year=2019) if event.id.startswith("my-")])

    # A bad file is refused whole, with every problem and its place.
    mine["events"][0]["start"] = "2019-06-15"  # a day, though the precision says month
    mine["events"].append({"id": "Bad Id", "name": "", "kind": "party"})
    path.write_text(json.dumps(mine), encoding="utf-8")
    try:
        sinorus.load(path)
    except sinorus.DataError as error:
        for problem in error.problems:
            print("problem:", problem)
