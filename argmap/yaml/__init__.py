"""What argmap reads and writes of YAML, in one place: a file's events to positioned data within limits
(events.py, document.py), the dialect's scalar rules and allowed tags (dialect.py), and syntax errors explained
(syntax.py). argmap.source reads files on top of it; argmap.fmt writes on top of it, with the comments kept."""
