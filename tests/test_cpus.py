"""`render`'s default --jobs: the CPUs this process may use, not every CPU of the machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from lawgov_gen.render.files import usable_cpus


def test_usable_cpus_follow_the_affinity_mask() -> None:
    assert usable_cpus() == len(os.sched_getaffinity(0))


@pytest.mark.skipif(shutil.which("taskset") is None, reason="没有安装 taskset（util-linux）")
def test_a_process_pinned_to_one_cpu_uses_one() -> None:
    code = "from lawgov_gen.render.files import usable_cpus; print(usable_cpus())"
    out = subprocess.run(
        ["taskset", "-c", "0", sys.executable, "-c", code], capture_output=True, text=True
    )
    assert (out.returncode, out.stdout.strip()) == (0, "1"), out.stderr


def test_without_an_affinity_call_every_cpu_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity")
    assert usable_cpus() == (os.cpu_count() or 1)
