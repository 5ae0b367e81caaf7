"""``python main.py [PROJECT]`` opens the app (the same as the ``annotator`` command)."""

from annotator.cli.entry import main

if __name__ == "__main__":
    main()
