"""``python -m migkg`` runs the command line."""
from migkg.cli import app

if __name__ == "__main__":  # not when a worker process (multiprocessing's spawn) imports this module
    app(prog_name="migkg")
