"""``python -m s55tui`` runs the same command line as the ``s55tui`` script."""

from s55tui.cli import main

raise SystemExit(main())
