"""Entry point of the desktop bundle: the same ``annotator`` command as the wheel's console
script (``annotator PROJECT`` opens the app, ``annotator import ...`` runs the CLI)."""

import multiprocessing

from annotator.cli.entry import main

if __name__ == "__main__":
    # A frozen program starts its worker processes by running itself again.
    multiprocessing.freeze_support()
    main()
