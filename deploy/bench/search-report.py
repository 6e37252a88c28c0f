#!/usr/bin/env python3
"""Report of deploy/bench/search.sh runs: a Markdown table and an SVG plot of latency against the number of cases.

    deploy/bench/search-report.py [--svg OUT.svg] RUN.tsv...

Each RUN.tsv is one run of search.sh (rows: cases, request, median ms, ratio to the plain list of that run). The table
has, per request, the median of each run, its ratio to the plain list's first page of the same run (target for every
search: <= 3) and, for the largest run, its growth against the smallest one (target: <= 2). Standard library only:
the machine has no plotting package and the project adds no runtime for a figure.
"""
import argparse
import html
import math
import sys


def load(paths):
    runs = []
    for path in paths:
        rows = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 4:
                    rows.append((int(parts[0]), parts[1], float(parts[2]), float(parts[3])))
        if rows:
            runs.append(rows)
    runs.sort(key=lambda r: r[0][0])
    return runs


def size_label(n):
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div * 0.95:  # the benchmark's count is PostgreSQL's estimate: 999,980 is "1 M"
            v = n / div
            return f"{v:.0f} {unit}" if abs(v - round(v)) < 0.05 or v >= 10 else f"{v:.1f} {unit}"
    return str(n)


def table(runs):
    names = [r[1] for r in runs[0]]
    by_run = [{r[1]: (r[2], r[3]) for r in run} for run in runs]
    head = "| request | " + " | ".join(f"{size_label(run[0][0])} cases: ms (× list)" for run in runs)
    if len(runs) > 1:
        head += f" | growth {size_label(runs[-1][0][0])} / {size_label(runs[0][0][0])}"
    lines = [head + " |", "|---" * (1 + len(runs) + (1 if len(runs) > 1 else 0)) + "|"]
    for name in names:
        cells = []
        for run in by_run:
            if name in run:
                ms, ratio = run[name]
                mark = " ✗" if "search" in name and ratio > 3 else ""
                cells.append(f"{ms:.1f} ({ratio:.2f}{mark})")
            else:
                cells.append("–")
        row = f"| {name} | " + " | ".join(cells)
        if len(runs) > 1:
            first, last = by_run[0].get(name), by_run[-1].get(name)
            if first and last:
                growth = last[0] / first[0]
                row += f" | {growth:.2f}{' ✗' if growth > 2 else ''}"
            else:
                row += " | –"
        lines.append(row + " |")
    return "\n".join(lines)


PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354",
           "#756bb1", "#636363", "#6baed6", "#fd8d3c", "#74c476"]


def svg(runs):
    width, height, left, right, top, bottom = 1100, 620, 70, 380, 40, 60
    names = [r[1] for r in runs[0]]
    xs = sorted({run[0][0] for run in runs})
    ys = [r[2] for run in runs for r in run]
    x0, x1 = math.log10(min(xs)), math.log10(max(xs))
    if x1 - x0 < 1e-9:
        x0, x1 = x0 - 0.5, x1 + 0.5
    y0 = math.floor(math.log10(max(min(ys), 0.1)))
    y1 = math.ceil(math.log10(max(ys)))
    if y1 == y0:
        y1 += 1
    pw, ph = width - left - right, height - top - bottom

    def px(x):
        return left + (math.log10(x) - x0) / (x1 - x0) * pw

    def py(y):
        return top + ph - (math.log10(max(y, 10 ** y0)) - y0) / (y1 - y0) * ph

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11">', f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="14">GET /api/v1/cases through the gateway: median of 5 (ms, log) '
           f'against the number of cases (log)</text>']
    for e in range(y0, y1 + 1):
        for m in (1, 2, 5):
            v = m * 10 ** e
            if v > 10 ** y1:
                break
            y = py(v)
            out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v:g}</text>')
    for x in xs:
        out.append(f'<line x1="{px(x):.1f}" x2="{px(x):.1f}" y1="{top}" y2="{top + ph}" stroke="#ddd"/>')
        out.append(f'<text x="{px(x):.1f}" y="{top + ph + 18}" text-anchor="middle">{size_label(x)}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#444"/>')
    out.append(f'<text x="{left + pw / 2}" y="{height - 16}" text-anchor="middle">cases in case-service\'s '
               f'database</text>')
    out.append(f'<text x="16" y="{top + ph / 2}" transform="rotate(-90 16 {top + ph / 2})" '
               f'text-anchor="middle">ms</text>')
    for i, name in enumerate(names):
        colour = PALETTE[i % len(PALETTE)]
        dash = ' stroke-dasharray="5,3"' if "search" not in name else ""
        points = [(run[0][0], r[2]) for run in runs for r in run if r[1] == name]
        if len(points) > 1:
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"{dash}/>')
        for x, y in points:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="2.5" fill="{colour}"/>')
        ly = top + 4 + i * 15
        out.append(f'<line x1="{left + pw + 14}" x2="{left + pw + 34}" y1="{ly:.1f}" y2="{ly:.1f}" '
                   f'stroke="{colour}" stroke-width="2"{dash}/>')
        out.append(f'<text x="{left + pw + 40}" y="{ly + 4:.1f}">{html.escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", help="write the plot here")
    parser.add_argument("runs", nargs="+")
    args = parser.parse_args()
    runs = load(args.runs)
    if not runs:
        sys.exit("search-report: no results in " + " ".join(args.runs))
    print(table(runs))
    if args.svg:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg(runs))
        print(f"\nwritten: {args.svg}", file=sys.stderr)


if __name__ == "__main__":
    main()
