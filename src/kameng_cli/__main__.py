"""`python -m kameng_cli` and the `kameng` console script."""

from __future__ import annotations

import sys

INTERRUPTED = 130  # 128 + SIGINT


def main() -> None:
    try:
        from .cli.app import run

        code = run()
    except KeyboardInterrupt:
        # Ctrl-C while the program is still starting (imports take ~0.1 s), before kameng's own
        # handler is installed: the same quiet exit 130 as later, not a Python traceback.
        code = INTERRUPTED
    sys.exit(code)


if __name__ == "__main__":
    main()
