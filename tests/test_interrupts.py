"""Ctrl-C held back while something starts, then raised where it can be cleaned up."""

from __future__ import annotations

import _thread

import pytest

from argmap import interrupts


def test_a_ctrl_c_while_held_is_raised_on_the_way_out_once_the_start_is_complete():
    done = []
    with pytest.raises(KeyboardInterrupt), interrupts.held():
        _thread.interrupt_main()  # what Ctrl-C does to the main thread
        for _ in range(1000):  # the interrupt is taken between these steps, and noted
            done.append(1)
    assert len(done) == 1000


def test_without_a_ctrl_c_nothing_changes_and_the_handler_is_put_back():
    import signal

    before = signal.getsignal(signal.SIGINT)
    with interrupts.held():
        pass
    assert signal.getsignal(signal.SIGINT) is before


def test_a_pool_gives_its_results_in_order():
    assert interrupts.pooled([lambda stop, n=n: n * n for n in range(6)], 2) == [0, 1, 4, 9, 16, 25]


def test_a_failing_task_stops_the_others_and_is_raised():
    import threading
    import time

    stopped = []

    def slow(stop: threading.Event) -> None:
        while not stop.wait(0.01):
            pass
        stopped.append(True)

    def fails(stop: threading.Event) -> None:
        time.sleep(0.05)
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        interrupts.pooled([slow, fails, slow], 3)
    assert stopped == [True, True]  # both had stopped before the call returned


def test_ctrl_c_while_a_pool_runs_stops_every_task_before_it_is_raised():
    import threading
    import time

    running, stopped = threading.Event(), []

    def waits(stop: threading.Event) -> None:
        running.set()
        while not stop.wait(0.01):
            pass
        stopped.append(True)

    def press() -> None:
        running.wait(10)
        time.sleep(0.05)
        _thread.interrupt_main()

    presser = threading.Thread(target=press)
    presser.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            interrupts.pooled([waits, waits], 2)
    finally:
        presser.join()
    assert stopped == [True, True]
