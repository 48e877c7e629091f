#!/usr/bin/python3
"""Checks that every claim quote in an incident CSV occurs verbatim in the seed
article its source names (the source starts with the seed's file name).

usage: check_quotes.py INCIDENTS.csv SEEDS_DIR     exit 0 = all quotes found
"""
import csv
import json
import pathlib
import sys


def main(table: str, seeds: str) -> int:
    bad = 0
    with open(table, newline='', encoding='utf-8') as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            for c in json.loads(row['claims'] or '[]'):
                seed = pathlib.Path(seeds) / c['source'].split(' ')[0]
                if not seed.is_file():
                    print(f'{table}:{line}: {row["id"]}: no seed file {seed}')
                    bad += 1
                elif c['quote'] not in seed.read_text(encoding='utf-8'):
                    print(f'{table}:{line}: {row["id"]}: quote not in {seed.name}: {c["quote"]!r}')
                    bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
