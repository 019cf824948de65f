"""Run the benchmark suite (`suite.py`, whose docstring says how):

    python benchmarks/run.py [--quick] [--json OUT.json] [--only NAME...] [--seed N]

This script only starts the suite. The index's worker processes import the script that
started their parent (multiprocessing's "safe importing of the main module"; Python 3.11's fork
server does not do it once for them all), and the suite's own imports (Markdown, markdown-it,
git, the cases) cost each new worker 80-100 ms that `post-editor`'s workers do not pay.
"""

import sys

if __name__ == "__main__":
    from suite import main  # not at the top: a worker importing this script loads nothing

    sys.exit(main())
