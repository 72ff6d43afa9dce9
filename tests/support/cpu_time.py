"""CPU time, which work by others on a shared machine does not stretch as it stretches the clock:
the measure of the tests that hold a step to a few seconds."""

from __future__ import annotations

import resource


# The CPU time of this process's finished child processes, user and system.
def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
