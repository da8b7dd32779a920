"""``python -m migkg`` runs the command line."""
from .cli import app

app(prog_name="migkg")
