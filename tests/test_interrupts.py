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
