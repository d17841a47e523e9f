"""Quick start: the questions sinorus answers, each with the sources to cite."""

import sinorus

level = sinorus.partnership_level_at("18 March 2014")
print(f"Partnership level on 18 March 2014: {level.name} (since {level.start})")

factor = sinorus.trade_growth_factor(2000, 2010)
print(f"Trade grew {factor:.1f}-fold from 2000 to 2010")

for exercise in sinorus.exercises(year=2005):
    print(f"{exercise.start}: {exercise.name} in {exercise.location}")

treaty = sinorus.load().get("treaty-of-good-neighborliness-2001")
print(f"\n{treaty.name}, signed {treaty.signed} in {treaty.place}. Sources:")
for source in treaty.sources:
    print(f"  - {source.title} ({source.publisher}) {source.url or ''}".rstrip())
