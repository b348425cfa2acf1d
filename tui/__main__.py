"""``python -m tui`` runs the ``paperdeck`` command."""

from tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
