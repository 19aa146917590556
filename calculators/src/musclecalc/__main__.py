"""``python -m musclecalc``: see :mod:`musclecalc._cli`."""

import os
import sys

from musclecalc._cli import main

try:
    status = main()
    sys.stdout.flush()
except BrokenPipeError:
    # The reader closed the pipe (`| head`): stop quietly, as Unix tools do.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    status = 0
raise SystemExit(status)
