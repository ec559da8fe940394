"""Name the machine a run was made on: figures mean nothing without the CPU, cores, Python and OS."""

from __future__ import annotations

import os
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown CPU"


def _os_name() -> str:
    release = Path("/etc/os-release")
    if release.is_file():
        for line in release.read_text(errors="replace").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    return platform.platform(terse=True)


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def describe() -> dict[str, str]:
    """CPU model, core count, Python, OS and the versions of the libraries that set the pace."""
    return {
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count() or "?"),
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "os": f"{_os_name()} ({platform.system()} {platform.release()})",
        "textual": _version("textual"),
        "python-docx": _version("python-docx"),
    }


def one_line(machine: dict[str, str]) -> str:
    """The machine as one line for the table's heading."""
    return (
        f"{machine['cpu']}, {machine['cores']} cores; {machine['python']}; {machine['os']}; "
        f"textual {machine['textual']}, python-docx {machine['python-docx']}"
    )
