"""`python -m raci`: the same as the `raci` command."""

from raci.cli import main

main()
