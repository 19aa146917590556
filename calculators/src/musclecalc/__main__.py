"""``python -m musclecalc``: see :mod:`musclecalc._cli`."""

from musclecalc._cli import main

raise SystemExit(main())
