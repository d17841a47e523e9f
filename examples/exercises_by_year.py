"""Joint exercises: how many each year, and where the ones of one year took place."""

from collections import Counter

import sinorus

per_year = Counter(exercise.start.year for exercise in sinorus.exercises())
covered = sinorus.coverage_of("exercises")
for year in range(covered.start.year, covered.end.year + 1):  # a year with none shows 0
    print(f"{year}  {'#' * per_year[year]}  {per_year[year]}")

print("\nExercises of 2018:")
for exercise in sinorus.exercises(year=2018):
    print(f"  {exercise.start} – {exercise.end}  {exercise.name}: {exercise.location}")

print("\nBy series:")
for series, count in Counter(e.series for e in sinorus.exercises()).most_common():
    print(f"  {count:>3}  {series}")
