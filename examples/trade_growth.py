"""Trade growth: yearly figures, growth factors between any two years, and their sources."""

import sinorus

data = sinorus.load()
print("Year  Total (bn USD)  Growth on the year before")
previous = None
for record in data.trade:
    growth = f"{record.total_usd_bn / previous - 1:+.0%}" if previous else ""
    print(f"{record.year}  {record.total_usd_bn:>14.2f}  {growth:>10}")
    previous = record.total_usd_bn

for start, end in [(2000, 2010), (2010, 2020), (2000, 2024)]:
    print(f"{start}→{end}: ×{sinorus.trade_growth_factor(start, end):.2f}")

# Where a figure is contested, the other values are kept with their sources.
for alternative in data.get("trade-2010").alternatives:
    titles = ", ".join(source.title for source in alternative.sources)
    print(f"2010, {alternative.field}: also given as {alternative.value} ({titles})")
