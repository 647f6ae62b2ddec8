"""What the benchmarks ran on: CPU, cores, RAM, Python, SQLite, the disk and its fsync latency."""

from __future__ import annotations

import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "processor\t: ")) and ":" in line:
                value = line.split(":", 1)[1].strip()
                if value and not value.isdigit():
                    return value
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError):
        pass
    return None


def _disk(path: Path) -> dict[str, Any]:
    """The block device holding `path` and whether the kernel calls it rotational (Linux only)."""
    info: dict[str, Any] = {}
    try:
        st = path.stat()
        sys_dev = Path(f"/sys/dev/block/{os.major(st.st_dev)}:{os.minor(st.st_dev)}").resolve()
        device = sys_dev if (sys_dev / "queue").exists() else sys_dev.parent
        info["device"] = device.name
        rotational = (device / "queue" / "rotational").read_text().strip()
        info["type"] = "rotational" if rotational == "1" else "ssd/nvme"
        if device.name.startswith(("vd", "xvd")):
            info["type"] += " (virtual disk: the flag may not reflect the real medium)"
    except (OSError, ValueError):
        pass
    return info


def fsync_latency_ms(folder: Path, rounds: int = 40) -> dict[str, float]:
    """Median and max time of a 4 KiB write + fsync in `folder` (what every durable commit pays)."""
    probe = folder / ".fsync-probe.tmp"
    samples: list[float] = []
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for _ in range(rounds):
            os.write(fd, b"\0" * 4096)
            started = time.perf_counter()
            os.fsync(fd)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)
    return {"p50": round(statistics.median(samples), 3), "max": round(max(samples), 3)}


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", *args], cwd=Path(__file__).parent, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip()


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (other work on the machine skews every figure)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def describe(folder: Path) -> dict[str, Any]:
    """The machine record written into the JSON results."""
    import sqlalchemy

    affinity: int | None
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": affinity,
        "ram_gb": _ram_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "disk": _disk(folder),
        "fsync_ms": fsync_latency_ms(folder),
        "git": {"commit": commit, "dirty": bool(dirty)} if commit else None,
        "load_average_at_start": load_average(),
        "python_writes_bytecode": not sys.dont_write_bytecode,
    }
