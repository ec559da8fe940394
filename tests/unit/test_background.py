"""Work run with ``droppable``: its result or its error comes back, and nobody waits for it at exit."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading

import pytest

from s55tui.tui.background import droppable


def test_the_result_and_the_error_come_back_as_from_a_call() -> None:
    async def main() -> tuple[int, str]:
        result = await droppable(sum, [1, 2, 3])
        with pytest.raises(ValueError, match="not a number") as caught:
            await droppable(int, "not a number")
        return result, type(caught.value).__name__

    assert asyncio.run(main()) == (6, "ValueError")


def test_work_still_running_does_not_hold_up_the_end_of_the_program() -> None:
    """An export started just before ctrl+q: the program ends without waiting for it."""
    program = (
        "import asyncio, threading\n"
        "from s55tui.tui.background import droppable\n"
        "started = threading.Event()\n"
        "def export():\n"
        "    started.set()\n"
        "    threading.Event().wait()  # never finishes\n"
        "async def main():\n"
        "    task = asyncio.ensure_future(droppable(export))\n"
        "    await asyncio.to_thread(started.wait)\n"
        "    task.cancel()\n"
        "asyncio.run(main())\n"
        "print('ended')\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "ended\n"), done.stderr


def test_the_thread_is_named_for_what_it_does() -> None:
    names: list[str] = []

    async def main() -> None:
        await droppable(lambda: names.append(threading.current_thread().name), name="s55tui-export")

    asyncio.run(main())
    assert names == ["s55tui-export"]
