"""``python -m pipeline.cli``: the orewire command line."""

from pipeline.cli import main

if __name__ == "__main__":
    main()
