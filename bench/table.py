#!/usr/bin/env python3
"""Prints the table of bench/compare.sh from its results folder: per tool, size and medium, the
median wall time of the hyperfine runs, its ratio to livret's, the mean CPU time (user + sys), the
peak RSS of one run (/usr/bin/time -v) and the output's size and files. Standard library only."""

import json
import pathlib
import re
import sys

TOOLS = ["livret", "hugo", "mdbook", "copy"]
MEDIA = ["shm", "disk"]


def peak_rss_mb(path):
    if not path.exists():
        return None
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", path.read_text())
    return int(match.group(1)) / 1024 if match else None


def output(path):
    """(bytes, files) of the output, if measured."""
    if not path.exists():
        return None
    size, files = path.read_text().split()
    return int(size), int(files)


def main(folder):
    folder = pathlib.Path(folder)
    rows = {}
    for path in folder.glob("*.json"):
        tool, n, medium = path.stem.split("-")
        result = json.loads(path.read_text())["results"][0]
        rows[(tool, int(n), medium)] = (
            result["median"],
            min(result["times"]),
            max(result["times"]),
            peak_rss_mb(path.with_suffix(".time")),
            result["user"] + result["system"],
            output(path.with_suffix(".output")),
        )
    print("| tool | N | medium | wall median | min – max | × livret | CPU user+sys | peak RSS | output |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in sorted({key[1] for key in rows}):
        for medium in MEDIA:
            livret = rows.get(("livret", n, medium))
            for tool in TOOLS:
                row = rows.get((tool, n, medium))
                if row is None:
                    continue
                median, low, high, rss, cpu, out = row
                ratio = f"{median / livret[0]:.2f}" if livret else "–"
                rss = f"{rss:.0f} MB" if rss is not None else "–"
                out = f"{out[0] / 1e6:.1f} MB, {out[1]:,} files" if out else "–"
                name = "cp -r (floor)" if tool == "copy" else tool
                print(
                    f"| {name} | {n:,} | {'/dev/shm' if medium == 'shm' else 'disk'} "
                    f"| {median:.3f} s | {low:.3f} – {high:.3f} | {ratio} | {cpu:.2f} s | {rss} "
                    f"| {out} |"
                )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/compare/results")
