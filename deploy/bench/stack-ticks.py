#!/usr/bin/env python3
"""CPU ticks (user + system, children included) of process trees: argument name=pid,... ; prints "name ticks" lines.

deploy/bench/run.sh samples them around the event-flow scenario for the stack's CPU per filed case."""
import os
import sys

roots = [(n, int(p)) for n, p in (item.split('=') for item in sys.argv[1].split(',') if item.endswith('=') is False)]
children = {}
for pid in os.listdir('/proc'):
    if pid.isdigit():
        try:
            fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
        except OSError:
            pass


def own(pid):
    try:
        fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
        return sum(int(x) for x in fields[11:15])
    except OSError:
        return 0


def tree(pid):
    return own(pid) + sum(tree(child) for child in children.get(pid, []))


for name, pid in roots:
    print(name, tree(pid))
