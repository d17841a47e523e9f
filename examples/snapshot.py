"""A point in time: what held on a given day."""

import sinorus

for day in ["1970-01-01", "18 March 2014", "2022-02-24"]:
    snap = sinorus.state_at(day)
    level = snap.partnership_level.name if snap.partnership_level else "(no designation)"
    print(f"{snap.day}: phase {snap.phase.name!r}, level {level!r}")
    print(f"  leaders: {', '.join(leader.name for leader in snap.leaders)}")
    print(f"  binding agreements in force: {len(snap.agreements_in_force)}")
    if snap.latest_trade:
        print(f"  latest trade: {snap.latest_trade.year}, {snap.latest_trade.total_usd_bn} bn USD")
    print(f"  joint exercises so far: {len(snap.exercises_so_far)}")
