#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "charter_portal.settings")
    # A command's refusal is one line, not a traceback (charter_portal/cli.py).
    from charter_portal.cli import main as run

    run(sys.argv)


if __name__ == "__main__":
    main()
