"""`argmap serve`, the live preview: an app beside the command line, on the composition layer.

live.py checks and draws the map again whenever one of its files is saved (patch.py turns a save that
changes only texts into a patch of the drawing the pages hold), channel.py pushes each update to the open
pages as server-sent events, and server.py serves the page on the loopback interface.
"""
