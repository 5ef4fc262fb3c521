"""The floor for `validate`: the C-based YAML parse alone (compose every file), nothing else."""

import sys
from pathlib import Path

from ruamel.yaml.cyaml import CSafeLoader

for name in sys.argv[1:]:
    for path in sorted(Path(name).glob("*.yaml")) if Path(name).is_dir() else [Path(name)]:
        loader = CSafeLoader(path.read_text(encoding="utf-8"))
        loader.get_single_node()
        loader.dispose()
