import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `import core` from any working directory

# No test touches the network: "auto" MNIST uses the bundled sample (the e2e server inherits this too).
os.environ["TORCH_PLAYGROUND_OFFLINE"] = "1"
