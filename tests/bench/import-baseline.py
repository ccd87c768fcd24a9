"""The idiomatic pandas way to turn a CrowdTangle posts export into daily page sums:
read_csv (the exporter's thousands separator), then groupby page and day. The baseline for
`gov-leaderboard import` in make bench. Prints the number of page-days it found.
    python3 tests/bench/import-baseline.py EXPORT.csv
"""
import sys

import pandas as pd

cols = ["Facebook Id", "Page Name", "Post Created Date", "Total Interactions", "Followers at Posting"]
df = pd.read_csv(sys.argv[1], usecols=cols, thousands=".", dtype={"Facebook Id": str}, encoding="utf-8-sig")
daily = df.groupby(["Facebook Id", "Post Created Date"]).agg(
    interactions=("Total Interactions", "sum"),
    posts=("Total Interactions", "size"),
    followers=("Followers at Posting", "last"),
)
print(len(daily))
