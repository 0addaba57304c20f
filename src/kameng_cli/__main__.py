"""`python -m kameng_cli` and the `kameng` console script."""

from __future__ import annotations

import sys


def main() -> None:
    from .cli.app import run

    sys.exit(run())


if __name__ == "__main__":
    main()
