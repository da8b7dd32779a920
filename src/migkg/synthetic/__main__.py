"""``python -m migkg.synthetic OUT --releases N [--seed S]`` writes a synthetic corpus."""
from migkg.synthetic import main

if __name__ == "__main__":
    raise SystemExit(main())
